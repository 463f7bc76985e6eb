namespace PowerFunctions.App.Features.Outbox;

/// <summary>How the outbox publisher runs. Defaults suit production; tests shorten or serialise.</summary>
public sealed record OutboxOptions
{
    /// <summary>
    /// How long an index row whose outbox row is absent is kept (its commit may still be under way);
    /// after it, the commit is taken as never having happened and the index row is dropped. Far longer
    /// than any commit takes.
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After a failed send, the wait before the next try: this, doubled per attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The most index rows one <see cref="OutboxPublisher.PublishPendingAsync"/> looks at; the rest wait for the next run.</summary>
    public int MaxIndexRowsPerRun { get; init; } = 2000;

    /// <summary>Aggregates published at once.</summary>
    public int Parallelism { get; init; } = 4;
}
