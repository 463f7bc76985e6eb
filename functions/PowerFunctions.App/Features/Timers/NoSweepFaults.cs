namespace PowerFunctions.App.Features.Timers;

/// <summary>No fault injection: every step proceeds.</summary>
public sealed class NoSweepFaults : ISweepFaults
{
    public ValueTask AtAsync(SweepStep step, DurableTimer? timer, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
