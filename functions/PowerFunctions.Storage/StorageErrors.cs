using Azure;

namespace PowerFunctions.Storage;

/// <summary>Builds the <see cref="RequestFailedException"/>s both adapters throw, with Azure's statuses and codes.</summary>
public static class StorageErrors
{
    public static RequestFailedException AlreadyExists(string what) =>
        new(409, $"{what} already exists", StorageErrorCodes.EntityAlreadyExists, null);

    public static RequestFailedException ConditionNotSatisfied(string what) =>
        new(412, $"the ETag of {what} does not match", StorageErrorCodes.UpdateConditionNotSatisfied, null);

    public static RequestFailedException NotFound(string what) =>
        new(404, $"{what} was not found", StorageErrorCodes.ResourceNotFound, null);

    public static RequestFailedException BlobExists(string name) =>
        new(409, $"blob '{name}' already exists", StorageErrorCodes.BlobAlreadyExists, null);

    public static RequestFailedException BlobMissing(string name) =>
        new(404, $"blob '{name}' was not found", StorageErrorCodes.BlobNotFound, null);

    public static RequestFailedException MessageMissing(string messageId) =>
        new(404, $"message '{messageId}' was not found or its pop receipt is stale", StorageErrorCodes.MessageNotFound, null);

    public static RequestFailedException InvalidInput(string message) =>
        new(400, message, StorageErrorCodes.InvalidInput, null);

    public static RequestFailedException InvalidTransaction(string message) =>
        new(400, message, StorageErrorCodes.InvalidTransaction, null);

    /// <summary>True for a 409 create-only conflict.</summary>
    public static bool IsConflict(RequestFailedException e) => e.Status == 409;

    /// <summary>True for a 412 ETag mismatch.</summary>
    public static bool IsPreconditionFailed(RequestFailedException e) => e.Status == 412;
}
