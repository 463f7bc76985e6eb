using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>Runs <paramref name="action"/> the first time the sweep reaches <paramref name="step"/>: another process acting at that very moment.</summary>
internal sealed class ActAtStep(SweepStep step, Func<Task> action) : ISweepFaults
{
    private bool _done;

    public async ValueTask AtAsync(SweepStep at, DurableTimer? timer, CancellationToken cancellationToken)
    {
        if (at == step && !_done)
        {
            _done = true;
            await action();
        }
    }
}
