namespace PowerFunctions.App.Features.Timers;

/// <summary>How the durable timer engine sweeps. Defaults suit production; tests shorten or serialise.</summary>
public sealed record TimerOptions
{
    /// <summary>How long a claim holds a timer: a sweeper that dies mid-firing releases it when this passes. Handlers must finish well within it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Claims (a crash counts as one) after which a timer goes to the dead table with its last error.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The most timers one sweep looks at; the rest wait for the next sweep (a minute later).</summary>
    public int MaxTimersPerSweep { get; init; } = 5000;

    /// <summary>Timers fired at once by one sweep (each firing is a few storage round trips).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>
    /// Timers due before now plus this window make the scheduler touch the sweep bookmark (an ETag-checked
    /// write) so that a sweep running at the same moment cannot move the bookmark past them. Covers clock
    /// skew between instances; timers further out never touch the bookmark (no hot row on intake).
    /// </summary>
    public TimeSpan NearWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After a handler throws, the timer waits this long times its attempt number before the next try.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);
}
