using PowerFunctions.Domain.Supervision;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Supervision signals of a ticket's clocks (电子监察, municipal rules): <c>.yellow</c> raises a yellow alert
/// while the clock is open and within its last working day, <c>.red</c> a red one once it passed unmet (or was
/// met late, then closes it), <c>.resolve</c> closes the alerts of a met clock. Alert kind
/// <c>complaint-{kind}</c> (<c>complaint-answer-2</c> for a later round's answer), department the owner (or
/// <c>hotline</c> before dispatch); the alert store keeps one record per level, so each is raised once. Each
/// looks at the clock as it is now: a timer for a due date that moved since does nothing.
/// </summary>
public sealed class ComplaintAlertTimerHandler(ComplaintStore store, ComplaintService complaints, IAlertSink alerts) : ITimerHandler
{
    public string Kind => ComplaintTimerKinds.DeadlineAlert;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var parsed = ComplaintTimerKinds.Parse(timer.Key);
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (parsed is not { } clock || loaded is null || timer.Generation > loaded.Complaint.Version)
        {
            return false;
        }

        var c = loaded.Complaint;
        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = complaints.Clock.GetUtcNow();
        var deadline = ComplaintDeadlines.Compute(c, calendar).FirstOrDefault(d => d.Kind == clock.Kind && d.Round == clock.Round);
        if (deadline is null)
        {
            return false;
        }

        var status = deadline.StatusAt(calendar, now);
        switch (clock.Level)
        {
            case "yellow" when deadline.IsOpen && status == DeadlineStatus.Yellow:
                await alerts.RaiseAsync(Alert(c, deadline, AlertLevel.Yellow, now), cancellationToken).ConfigureAwait(false);
                return true;
            case "red" when status == DeadlineStatus.Red:
                await alerts.RaiseAsync(Alert(c, deadline, AlertLevel.Red, now), cancellationToken).ConfigureAwait(false);
                if (!deadline.IsOpen)
                {
                    await alerts.ResolveAsync(c.TicketNo, deadline.AlertKey, now, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case "resolve" when !deadline.IsOpen:
                await alerts.ResolveAsync(c.TicketNo, deadline.AlertKey, now, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static AlertRaised Alert(Complaint c, ComplaintDeadline d, AlertLevel level, DateTimeOffset now) =>
        new(c.TicketNo, c.Owner ?? ComplaintService.UndispatchedDepartment, c.ItemCode ?? string.Empty, d.AlertKey, level, d.Due, now);
}
