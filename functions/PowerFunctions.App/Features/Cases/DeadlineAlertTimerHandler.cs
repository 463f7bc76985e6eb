using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Supervision signals of a case deadline (电子监察): <c>{kind}.yellow</c> raises a yellow alert while
/// the deadline is open and yellow (never while its clock is stopped: <see cref="AlertRules.StatusAt"/>); <c>{kind}.red</c> raises a red alert when it
/// passed unmet (or was met late, then closes it); <c>{kind}.resolve</c> closes the alerts of a met
/// deadline. Each looks at the deadline as it is now, so a timer for a due that has since moved does nothing.
/// </summary>
public sealed class DeadlineAlertTimerHandler(CaseStore store, CaseService cases, IAlertSink alerts) : ITimerHandler
{
    public string Kind => CaseTimerKinds.DeadlineAlert;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var dot = timer.Key.LastIndexOf('.');
        var code = dot > 0 ? timer.Key[..dot] : string.Empty;
        var level = dot > 0 ? timer.Key[(dot + 1)..] : string.Empty;
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (CaseDeadline.Parse(code) is null || loaded is null || timer.Generation > loaded.Case.Version)
        {
            return false;
        }

        var c = loaded.Case;
        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = cases.Clock.GetUtcNow();
        var deadline = CaseService.Deadlines(c, calendar, now).FirstOrDefault(d => d.Code == code);
        if (deadline is null)
        {
            return false;
        }

        switch (level)
        {
            case "yellow" when deadline.IsOpen && deadline.StatusAt(calendar, now) == DeadlineStatus.Yellow:
                await alerts.RaiseAsync(Alert(c, deadline, AlertLevel.Yellow, now), cancellationToken).ConfigureAwait(false);
                return true;
            case "red" when deadline.StatusAt(calendar, now) == DeadlineStatus.Red:
                await alerts.RaiseAsync(Alert(c, deadline, AlertLevel.Red, now), cancellationToken).ConfigureAwait(false);
                if (!deadline.IsOpen)
                {
                    await alerts.ResolveAsync(c.CaseNo, deadline.Code, now, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case "resolve" when !deadline.IsOpen:
                await alerts.ResolveAsync(c.CaseNo, deadline.Code, now, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The alert of a deadline, raised to the department that owes it: a joint department for its own <c>joint-opinion-{department}</c> clock, else the lead.</summary>
    private static AlertRaised Alert(Case c, CaseDeadline d, AlertLevel level, DateTimeOffset now) =>
        new(c.CaseNo, d.Party ?? c.Terms.DepartmentCode, c.Terms.ItemCode, d.Code, level, d.Due, now);
}
