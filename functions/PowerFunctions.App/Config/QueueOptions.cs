namespace PowerFunctions.App.Config;

/// <summary><c>Queues:*</c> settings of the standalone queue runner (the same meaning as host.json's <c>extensions.queues</c>).</summary>
public sealed class QueueOptions
{
    /// <summary>Deliveries a message gets before it is moved to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays hidden while its handler runs.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed message waits before its next delivery.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between polls of an empty queue (polling backs off up to it).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages received per poll (1–32).</summary>
    public int BatchSize { get; set; } = 16;
}
