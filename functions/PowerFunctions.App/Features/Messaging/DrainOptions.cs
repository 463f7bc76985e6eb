namespace PowerFunctions.App.Features.Messaging;

/// <summary>How one <see cref="MessageDrain"/> run receives. Defaults suit a timer every 10 s with 1-minute locks.</summary>
public sealed record DrainOptions
{
    /// <summary>Messages per receive.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>How long one receive waits for a first message.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No new batch is received after this much time (real time): the run ends before the next timer tick, and far within a lock.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The entity's maximum delivery count (Bicep <c>maxDeliveryCount</c>, <c>EmbeddedMessagingOptions.MaxDeliveryCount</c>):
    /// with a <see cref="DeadLetterSealing"/>, a message abandoned on this delivery is dead-lettered sealed by the drain
    /// instead of as it is by the broker.
    /// </summary>
    public int MaxDeliveryCount { get; init; } = 10;
}
