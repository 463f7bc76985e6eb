using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>Rebuilds the read models of a committed case (<see cref="DecisionRegister.ProjectAsync"/>): the durable repeat of what a commit does right after it.</summary>
public sealed class PenaltyProjectionTimerHandler(PenaltyStore store, DecisionRegister register) : ITimerHandler
{
    public string Kind => PenaltyTimerKinds.Projection;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (loaded is null || timer.Generation > loaded.Case.Version)
        {
            return false;
        }

        await register.ProjectAsync(loaded.Case, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
