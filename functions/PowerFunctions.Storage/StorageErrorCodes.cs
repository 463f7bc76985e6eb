namespace PowerFunctions.Storage;

/// <summary>
/// The error codes the adapters put on <see cref="Azure.RequestFailedException.ErrorCode"/>, the same
/// strings Azure Storage answers with, so callers test one code whichever adapter runs.
/// </summary>
public static class StorageErrorCodes
{
    /// <summary>409: create-only write of an entity that exists.</summary>
    public const string EntityAlreadyExists = "EntityAlreadyExists";

    /// <summary>412: the ETag given in If-Match is not the entity's.</summary>
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";

    /// <summary>404: no such entity.</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>404: no such table, container or queue.</summary>
    public const string TableNotFound = "TableNotFound";

    /// <summary>409: create-only upload of a blob that exists.</summary>
    public const string BlobAlreadyExists = "BlobAlreadyExists";

    /// <summary>404: no such blob.</summary>
    public const string BlobNotFound = "BlobNotFound";

    /// <summary>404: the message is gone or the pop receipt is stale.</summary>
    public const string MessageNotFound = "MessageNotFound";

    /// <summary>400: a key, name or value breaks the storage rules.</summary>
    public const string InvalidInput = "InvalidInput";

    /// <summary>400: a transaction spans partitions, repeats a row or holds more than 100 operations.</summary>
    public const string InvalidTransaction = "InvalidDuplicateRow";
}
