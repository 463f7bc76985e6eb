using System.Globalization;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>
/// The clock of a rectification round (seed 002, seed 004; municipal 电子监察 rules): <c>yellow.{round}</c> raises the
/// round's yellow alert from the working day before its due date while no report came; <c>red.{round}</c>, once the due
/// date has ended unreported, records the missed deadline (the second one of a notice is flagged for accountability) and
/// raises the round's red alert; <c>commit</c> repeats a commit's effects. Each looks at the notice as it is now: a round
/// reported, sent back or accepted meanwhile does nothing.
/// </summary>
public sealed class RectificationTimerHandler(RectificationService rectifications) : ITimerHandler
{
    public string Kind => SupervisionTimerKinds.Rectification;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var current = await rectifications.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (current is null || timer.Generation > current.Version)
        {
            return false;
        }

        if (timer.Key == SupervisionTimerKinds.CommitKey)
        {
            await rectifications.RepeatCommitEffectsAsync(current, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var dot = timer.Key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !int.TryParse(timer.Key.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var round) || round != current.Round)
        {
            return false;
        }

        var now = rectifications.Clock.GetUtcNow();
        switch (timer.Key[..dot])
        {
            case "yellow" when current.AwaitingReport && !current.IsOverdue(now):
                await rectifications.RaiseAsync(current, AlertLevel.Yellow, cancellationToken).ConfigureAwait(false);
                return true;
            case "red" when current.IsOverdue(now) || current.Overdues.Any(o => o.Round == round):
                var recorded = await rectifications.TrySystemAsync(current.Id, (r, _, at) => r.RecordOverdue(at), cancellationToken).ConfigureAwait(false) ?? current;
                if (recorded.Overdues.Any(o => o.Round == round) && recorded.Round == round)
                {
                    await rectifications.RaiseAsync(recorded, AlertLevel.Red, cancellationToken).ConfigureAwait(false);
                }

                return true;
            default:
                return false;
        }
    }
}
