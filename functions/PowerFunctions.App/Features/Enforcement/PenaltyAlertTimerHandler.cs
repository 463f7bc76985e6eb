using PowerFunctions.Domain.Supervision;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Supervision signals of a penalty clock (电子监察), raised through the alert sink as kind
/// <c>enforcement-{deadline}</c>: <c>.yellow</c> while the clock is open and within its last working day;
/// <c>.red</c> once it passed unmet (or was met late, then closed at once); <c>.resolve</c> when it was met.
/// Each looks at the clock as it is now, so a timer for a due date that has since moved does nothing.
/// The party's own hearing window raises none.
/// </summary>
public sealed class PenaltyAlertTimerHandler(PenaltyStore store, PenaltyService penalties, IAlertSink alerts) : ITimerHandler
{
    public string Kind => PenaltyTimerKinds.DeadlineAlert;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var dot = timer.Key.LastIndexOf('.');
        var kind = dot > 0 ? PenaltyDeadline.Parse(timer.Key[..dot]) : null;
        var level = dot > 0 ? timer.Key[(dot + 1)..] : string.Empty;
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (kind is null || loaded is null || timer.Generation > loaded.Case.Version)
        {
            return false;
        }

        var c = loaded.Case;
        var calendar = await penalties.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = penalties.Clock.GetUtcNow();
        var deadline = PenaltyService.Deadlines(c, calendar, now).FirstOrDefault(d => d.Kind == kind && d.RaisesAlerts);
        if (deadline is null)
        {
            return false;
        }

        var alertKind = PenaltyService.AlertKind(deadline.Kind);
        switch (level)
        {
            case "yellow" when deadline.IsOpen && deadline.StatusAt(calendar, now) == DeadlineStatus.Yellow:
                await alerts.RaiseAsync(new AlertRaised(c.CaseNo, c.Terms.DepartmentCode, c.Terms.ItemCode, alertKind, AlertLevel.Yellow, deadline.Due, now), cancellationToken).ConfigureAwait(false);
                return true;
            case "red" when deadline.StatusAt(calendar, now) == DeadlineStatus.Red:
                await alerts.RaiseAsync(new AlertRaised(c.CaseNo, c.Terms.DepartmentCode, c.Terms.ItemCode, alertKind, AlertLevel.Red, deadline.Due, now), cancellationToken).ConfigureAwait(false);
                if (!deadline.IsOpen)
                {
                    await alerts.ResolveAsync(c.CaseNo, alertKind, now, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case "resolve" when !deadline.IsOpen:
                await alerts.ResolveAsync(c.CaseNo, alertKind, now, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }
}
