namespace PowerFunctions.Storage;

/// <summary>
/// The subset of Azure's <c>QueueClient</c> the app needs. A received message stays invisible for
/// the visibility timeout and comes back, with its dequeue count raised, unless deleted with its pop
/// receipt. Message text is stored as given; the Azure adapter base64-encodes it on the wire, as the
/// Functions queue trigger expects.
/// </summary>
public interface IQueueClient
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Enqueues; <paramref name="visibilityDelay"/> keeps it hidden that long first (at most 7 days).</summary>
    Task<QueueSendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxMessages"/> (1–32) visible messages, hidden again for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Visible messages without hiding them or counting a dequeue.</summary>
    Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message; 404 <see cref="StorageErrorCodes.MessageNotFound"/> if the pop receipt is stale.</summary>
    Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default);

    /// <summary>Hides a received message again for <paramref name="visibilityTimeout"/>; returns the new pop receipt.</summary>
    Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>How many messages the queue holds, visible or not (approximate on Azure).</summary>
    Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default);
}

/// <summary>A queue message as received or peeked.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? NextVisibleOn);

/// <summary>What a send answers.</summary>
public sealed record QueueSendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset NextVisibleOn);
