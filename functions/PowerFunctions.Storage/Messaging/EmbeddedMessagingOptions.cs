namespace PowerFunctions.Storage.Messaging;

/// <summary>How the embedded adapter behaves where Service Bus has entity settings (the Bicep sets the same values there).</summary>
public sealed record EmbeddedMessagingOptions
{
    /// <summary>Service Bus's <c>LockDuration</c>: how long a received message stays locked (the queue's visibility timeout). 1 s to 5 min.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Service Bus's <c>MaxDeliveryCount</c>: a message delivered this many times and not completed goes to the dead-letter queue on its next receive.</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>The first pause between polls of an empty queue while a receive waits; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (LockDuration < TimeSpan.FromSeconds(1) || LockDuration > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"a lock duration is 1 second to 5 minutes, not {LockDuration}");
        }

        if (MaxDeliveryCount < 1)
        {
            throw new ArgumentException($"MaxDeliveryCount is at least 1, not {MaxDeliveryCount}");
        }

        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            throw new ArgumentException("poll intervals must be positive, the maximum at least the minimum");
        }
    }
}
