using Azure;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Turns the SDK's <see cref="RequestFailedException"/> into the one the embedded adapter would throw:
/// the same status and <see cref="StorageErrorCodes"/> code, with Azure's own code and message kept in
/// the message and the SDK's exception (request id, headers) as the inner exception for support.
/// </summary>
internal static class AzureErrors
{
    /// <summary>Awaits one SDK call, mapping its failure; <paramref name="what"/> names the resource in the message.</summary>
    public static async Task<T> Run<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Map(e, what);
        }
    }

    public static RequestFailedException Map(RequestFailedException e, string what)
    {
        var (status, code) = (e.Status, e.ErrorCode) switch
        {
            (404, "TableNotFound" or "ContainerNotFound" or "QueueNotFound") => (404, StorageErrorCodes.TableNotFound),
            (404, "BlobNotFound") => (404, StorageErrorCodes.BlobNotFound),
            (404, "MessageNotFound") => (404, StorageErrorCodes.MessageNotFound),
            (400, "PopReceiptMismatch") => (404, StorageErrorCodes.MessageNotFound),
            (404, _) => (404, StorageErrorCodes.ResourceNotFound),
            (409, "BlobAlreadyExists") => (409, StorageErrorCodes.BlobAlreadyExists),
            (409, "EntityAlreadyExists") => (409, StorageErrorCodes.EntityAlreadyExists),
            (412, _) => (412, StorageErrorCodes.UpdateConditionNotSatisfied),
            (400, "InvalidDuplicateRow" or "CommandsInBatchActOnDifferentPartitions" or "InvalidOperation") => (400, StorageErrorCodes.InvalidTransaction),
            (400, _) => (400, StorageErrorCodes.InvalidInput),
            _ => (e.Status, e.ErrorCode),
        };
        return new RequestFailedException(status, $"{what}: {e.Status} {e.ErrorCode ?? "(no code)"} {FirstLine(e.Message)}", code, e);
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
