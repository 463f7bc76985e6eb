using PowerFunctions.App.Features.Publicity;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// <c>publicity-start</c>: (re)posts an approval on the board; <c>publicity-end</c>: after the last
/// day of publicity, the case waits for delivery and leaves the board (seed 000 §5(二)7).
/// </summary>
public sealed class PublicityTimerHandler(CaseService cases, CaseStore store, PublicityBoard board) : ITimerHandler
{
    public string Kind => CaseTimerKinds.Publicity;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        if (timer.Key == "publicity-start")
        {
            var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || timer.Generation > loaded.Case.Version || loaded.Case.State != CaseState.InPublicity)
            {
                return false;
            }

            await board.PostAsync(loaded.Case, await cases.CalendarAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var ended = await cases.TryApplyTimerEffectAsync(timer, (c, ctx) => c.EndPublicity(ctx), null, cancellationToken).ConfigureAwait(false);
        if (ended)
        {
            await board.RemoveAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        }

        return ended;
    }
}
