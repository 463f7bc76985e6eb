using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>Simulates the process dying at the <c>k</c>-th step of a sweep (1-based); counts the steps seen.</summary>
internal sealed class CrashAtStep(int k) : ISweepFaults
{
    private int _steps;

    public int Steps => _steps;

    public List<(SweepStep Step, DurableTimer? Timer)> Seen { get; } = [];

    public ValueTask AtAsync(SweepStep step, DurableTimer? timer, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add((step, timer));
        }

        if (Interlocked.Increment(ref _steps) == k)
        {
            throw new SimulatedCrashException(step, timer);
        }

        return ValueTask.CompletedTask;
    }
}
