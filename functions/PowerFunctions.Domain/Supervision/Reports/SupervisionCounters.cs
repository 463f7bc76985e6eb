using System.Globalization;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Evaluations;
using PowerFunctions.Domain.Supervision.Alerts;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// Which event moves which counter: the pure "event → counter increments" mapping the app applies with each committed
/// event, so that a report sums a few rows per department and day instead of reading every case ever stored.
/// <list type="table">
/// <item><term>case <c>submitted</c></term><description><c>received</c> +1 (the item's department, the receipt day)</description></item>
/// <item><term>case <c>decided</c></term><description><c>decided</c> +1, and <c>decidedOnTime</c> +1 when on or before the decision deadline (suspensions and the extension counted) — the decision day</description></item>
/// <item><term>ticket <c>received</c> routed, or <c>assigned</c></term><description><c>complaints</c> +1 (the first department reached, 首问; the day it was reached)</description></item>
/// <item><term>ticket <c>answered</c></term><description><c>complaintsAnswered</c> +1, and <c>complaintsOnTime</c> +1 when on or before the round's answer deadline (the owning department, the answer day)</description></item>
/// <item><term>evaluation recorded</term><description><c>ratingsGood</c> (非常满意, 满意, 基本满意) or <c>ratingsBad</c> (不满意, 非常不满意) +1 (the case's department, the rating day)</description></item>
/// <item><term>alert raised open</term><description><c>alertsRed</c> or <c>alertsYellow</c> +1, and <c>overdue</c> +1 for a red alert on a case or enforcement clock (the alert's department, the day raised); a yellow raised already superseded counts nothing</description></item>
/// <item><term>rectification <c>issued</c> / <c>accepted</c> / <c>overdue</c></term><description><c>rectificationsIssued</c> / <c>rectificationsAccepted</c> / <c>rectificationsOverdue</c> +1</description></item>
/// </list>
/// Every other event moves nothing. Each increment carries its event's key so the app counts an event once.
/// Source: seed 002 (周清月结季通报年考核); 国办发〔2019〕51号 (差评 = 不满意, 非常不满意).
/// </summary>
public static class SupervisionCounters
{
    public const string Source = "seed 002 (周清月结季通报年考核)";

    /// <summary>The increments of case event <paramref name="e"/>; <paramref name="after"/> is the case folded up to and including it.</summary>
    public static IReadOnlyList<CounterIncrement> ForCase(Case after, CaseEvent e, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(calendar);
        var key = string.Create(CultureInfo.InvariantCulture, $"case:{after.CaseNo}:{e.Seq}");
        var department = after.Terms.DepartmentCode;
        switch (CaseChain.DataOf(e))
        {
            case CaseEventData.Submitted s:
                return [new(key, department, s.ReceiptOn, Counter.Received)];
            case CaseEventData.Decided d:
                var deadline = CaseDeadlines.Compute(after, calendar, d.DecidedOn).FirstOrDefault(x => x.Kind == DeadlineKind.Decision);
                var onTime = deadline is null || d.DecidedOn <= deadline.Due;
                return onTime
                    ? [new(key, department, d.DecidedOn, Counter.Decided), new(key, department, d.DecidedOn, Counter.DecidedOnTime)]
                    : [new(key, department, d.DecidedOn, Counter.Decided)];
            default:
                return [];
        }
    }

    /// <summary>The increments of ticket event <paramref name="e"/>; <paramref name="after"/> is the ticket folded up to and including it.</summary>
    public static IReadOnlyList<CounterIncrement> ForComplaint(Complaint after, ComplaintEvent e, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(calendar);
        var key = string.Create(CultureInfo.InvariantCulture, $"ticket:{after.TicketNo}:{e.Seq}");
        switch (ComplaintChain.DataOf(e))
        {
            case ComplaintEventData.Received { Department: { } department } r:
                return [new(key, department, r.ReceivedOn, Counter.Complaints)];
            case ComplaintEventData.Assigned a:
                return [new(key, a.Department, a.On, Counter.Complaints)];
            case ComplaintEventData.Answered a when after.Owner is { } owner:
                var deadline = ComplaintDeadlines.Compute(after, calendar).FirstOrDefault(x => x.Kind == ComplaintDeadlineKind.Answer && x.Round == a.Round);
                var onTime = deadline is null || a.On <= deadline.Due;
                return onTime
                    ? [new(key, owner, a.On, Counter.ComplaintsAnswered), new(key, owner, a.On, Counter.ComplaintsOnTime)]
                    : [new(key, owner, a.On, Counter.ComplaintsAnswered)];
            default:
                return [];
        }
    }

    /// <summary>The increment of a recorded rating. Source: 国办发〔2019〕51号 (差评: 不满意, 非常不满意).</summary>
    public static IReadOnlyList<CounterIncrement> ForEvaluation(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var counter = EvaluationRules.NeedsRectification(evaluation.Level) ? Counter.RatingsBad : Counter.RatingsGood;
        return [new($"evaluation:{evaluation.CaseNo}", evaluation.DepartmentCode, ChinaTime.DateOf(evaluation.RatedAt), counter)];
    }

    /// <summary>The increments of a raised alert (as <see cref="Alert.Raise"/> answered it).</summary>
    public static IReadOnlyList<CounterIncrement> ForAlert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Closure == AlertClosure.Superseded && alert.ClosedAt == alert.RaisedAt)
        {
            return [];
        }

        var key = $"alert:{alert.Id}";
        var day = ChinaTime.DateOf(alert.RaisedAt);
        if (alert.Level == AlertLevel.Yellow)
        {
            return [new(key, alert.Department, day, Counter.AlertsYellow)];
        }

        return alert.Kind.IsCaseOverdue
            ? [new(key, alert.Department, day, Counter.AlertsRed), new(key, alert.Department, day, Counter.Overdue)]
            : [new(key, alert.Department, day, Counter.AlertsRed)];
    }

    /// <summary>The increments of rectification event <paramref name="e"/>; <paramref name="after"/> is the notice folded up to and including it.</summary>
    public static IReadOnlyList<CounterIncrement> ForRectification(Rectification after, RectificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(e);
        var key = string.Create(CultureInfo.InvariantCulture, $"rectification:{after.Id}:{e.Seq}");
        return RectificationChain.DataOf(e) switch
        {
            RectificationEventData.Issued i => [new(key, i.Department, i.IssuedOn, Counter.RectificationsIssued)],
            RectificationEventData.Accepted a => [new(key, after.Department, a.On, Counter.RectificationsAccepted)],
            RectificationEventData.Overdue => [new(key, after.Department, ChinaTime.DateOf(e.Instant), Counter.RectificationsOverdue)],
            _ => [],
        };
    }

    /// <summary>Sums increments into one row per department and day (what the app's counter rows hold), by department then day.</summary>
    public static IReadOnlyList<DailyCounters> Accumulate(IEnumerable<CounterIncrement> increments)
    {
        ArgumentNullException.ThrowIfNull(increments);
        var rows = new Dictionary<(string, DateOnly), Dictionary<Counter, long>>();
        foreach (var i in increments)
        {
            if (!rows.TryGetValue((i.Department, i.Day), out var values))
            {
                rows[(i.Department, i.Day)] = values = [];
            }

            values[i.Counter] = values.GetValueOrDefault(i.Counter) + i.Delta;
        }

        return [.. rows
            .OrderBy(r => r.Key.Item1, StringComparer.Ordinal).ThenBy(r => r.Key.Item2)
            .Select(r => new DailyCounters(r.Key.Item1, r.Key.Item2, DepartmentCounters.FromValues(r.Value)))];
    }
}
