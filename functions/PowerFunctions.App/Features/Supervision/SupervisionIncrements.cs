using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// The counter increments of an aggregate's events after version <c>afterVersion</c> (0: all of them), each event with
/// the aggregate folded up to it, as <see cref="SupervisionCounters"/> wants: what a feature passes to
/// <see cref="ISupervisionCounters.RecordAsync"/> after a commit.
/// </summary>
public static class SupervisionIncrements
{
    public static IReadOnlyList<CounterIncrement> Case(Case c, IWorkingCalendar calendar, long afterVersion = 0)
    {
        ArgumentNullException.ThrowIfNull(c);
        var increments = new List<CounterIncrement>();
        foreach (var e in c.Events.Where(e => e.Seq > afterVersion && Counts(e.Type, CountedCaseEvents)))
        {
            var upTo = e.Seq == c.Version ? c : Domain.Cases.Case.FromEvents(c.CaseNo, c.Events.Take((int)e.Seq));
            increments.AddRange(SupervisionCounters.ForCase(upTo, e, calendar));
        }

        return increments;
    }

    public static IReadOnlyList<CounterIncrement> Complaint(Complaint c, IWorkingCalendar calendar, long afterVersion = 0)
    {
        ArgumentNullException.ThrowIfNull(c);
        var increments = new List<CounterIncrement>();
        foreach (var e in c.Events.Where(e => e.Seq > afterVersion && Counts(e.Type, CountedTicketEvents)))
        {
            var upTo = e.Seq == c.Version ? c : Domain.Complaints.Complaint.FromEvents(c.TicketNo, c.Events.Take((int)e.Seq));
            increments.AddRange(SupervisionCounters.ForComplaint(upTo, e, calendar));
        }

        return increments;
    }

    /// <summary>The case event types that move a counter (<see cref="SupervisionCounters.ForCase"/>): others are not folded at all.</summary>
    private static readonly string[] CountedCaseEvents = [CaseEventTypes.Submitted, CaseEventTypes.Decided];

    /// <summary>The ticket event types that move a counter (<see cref="SupervisionCounters.ForComplaint"/>).</summary>
    private static readonly string[] CountedTicketEvents = [ComplaintEventTypes.Received, ComplaintEventTypes.Assigned, ComplaintEventTypes.Answered];

    private static bool Counts(string type, string[] types) => types.Contains(type, StringComparer.Ordinal);
}
