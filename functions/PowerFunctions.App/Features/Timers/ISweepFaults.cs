namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Fault injection for the sweep: called at every <see cref="SweepStep"/>. Throwing from here
/// simulates the process dying at that point (the sweeper does not catch it). Production uses
/// <see cref="NoSweepFaults"/>.
/// </summary>
public interface ISweepFaults
{
    /// <param name="step">Where the sweep is.</param>
    /// <param name="timer">The timer being fired, or null for <see cref="SweepStep.BeforeBookmark"/>.</param>
    /// <param name="cancellationToken">The sweep's cancellation.</param>
    ValueTask AtAsync(SweepStep step, DurableTimer? timer, CancellationToken cancellationToken);
}
