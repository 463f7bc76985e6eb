namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// A message received in PeekLock mode (Service Bus's <c>ServiceBusReceivedMessage</c>). Settle it
/// with the receiver that received it. Application properties are strings here whatever their type
/// on the wire (numbers and booleans as invariant text, instants as ISO 8601).
/// </summary>
public sealed class BusReceivedMessage
{
    public BusReceivedMessage(string messageId, BinaryData body, int deliveryCount, DateTimeOffset enqueuedTime, DateTimeOffset lockedUntil)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(body);
        MessageId = messageId;
        Body = body;
        DeliveryCount = deliveryCount;
        EnqueuedTime = enqueuedTime;
        LockedUntil = lockedUntil;
    }

    public string MessageId { get; }

    public BinaryData Body { get; }

    /// <summary>How many times the message has been delivered, this delivery included (1 the first time).</summary>
    public int DeliveryCount { get; }

    public DateTimeOffset EnqueuedTime { get; }

    /// <summary>Until when this receiver holds the message; settle it before.</summary>
    public DateTimeOffset LockedUntil { get; }

    public string? ContentType { get; init; }

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyDictionary<string, string> ApplicationProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>On a dead-lettered message: why (e.g. <c>MaxDeliveryCountExceeded</c> when the broker gave up).</summary>
    public string? DeadLetterReason { get; init; }

    /// <summary>On a dead-lettered message: the description given with the reason.</summary>
    public string? DeadLetterErrorDescription { get; init; }

    /// <summary>The adapter's handle for settling (the SDK's message, or the queue message and its pop receipt).</summary>
    internal object? Lock { get; init; }
}
