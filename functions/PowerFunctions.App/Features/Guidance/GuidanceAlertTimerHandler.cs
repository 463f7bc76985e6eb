using PowerFunctions.Domain.Supervision;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>
/// The follow-up clock's supervision signals (kind <c>guidance-follow-up</c>): <c>.yellow</c> while it is
/// open within its last working day, <c>.red</c> once it passed without a follow-up (or was followed up
/// late, then closed), <c>.resolve</c> once followed up. Each reads the entry as it is now, so a signal of a
/// due date a calendar change moved does nothing.
/// </summary>
public sealed class GuidanceAlertTimerHandler(GuidanceStore store, GuidanceService guidance, IAlertSink alerts) : ITimerHandler
{
    public string Kind => GuidanceService.TimerKind;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        var entry = stored.Entry;
        var calendar = await guidance.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = guidance.Clock.GetUtcNow();
        var due = entry.FollowUpDue(calendar).Date;
        var status = entry.FollowUpStatus(calendar, now);
        var followedUp = entry.FirstFollowUpOn is not null;
        switch (timer.Key)
        {
            case "follow-up.yellow" when status == DeadlineStatus.Yellow:
                await alerts.RaiseAsync(new AlertRaised(entry.Id, entry.DepartmentCode, string.Empty, GuidanceService.AlertKind, AlertLevel.Yellow, due, now), cancellationToken).ConfigureAwait(false);
                return true;
            case "follow-up.red" when status == DeadlineStatus.Red:
                await alerts.RaiseAsync(new AlertRaised(entry.Id, entry.DepartmentCode, string.Empty, GuidanceService.AlertKind, AlertLevel.Red, due, now), cancellationToken).ConfigureAwait(false);
                if (followedUp)
                {
                    await alerts.ResolveAsync(entry.Id, GuidanceService.AlertKind, now, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case "follow-up.resolve" when followedUp:
                await alerts.ResolveAsync(entry.Id, GuidanceService.AlertKind, now, cancellationToken).ConfigureAwait(false);
                await store.CloseAsync(entry.Id, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }
}
