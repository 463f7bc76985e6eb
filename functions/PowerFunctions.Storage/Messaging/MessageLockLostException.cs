namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// Settling a message failed because this receiver no longer holds its lock: the lock expired and the
/// message was (or will be) delivered again. Both adapters throw this one type (Service Bus's
/// <c>MessageLockLost</c>; the embedded queue's stale pop receipt). Nothing was settled: the handler's
/// effect, if any, will be seen again on redelivery, which idempotency makes harmless.
/// </summary>
public sealed class MessageLockLostException : Exception
{
    public MessageLockLostException(string entityPath, string messageId, Exception? innerException)
        : base($"the lock on message '{messageId}' of '{entityPath}' was lost; it is delivered again", innerException)
    {
        EntityPath = entityPath;
        MessageId = messageId;
    }

    public string EntityPath { get; }

    public string MessageId { get; }
}
