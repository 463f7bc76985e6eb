using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// Every clock of a ticket, computed from its facts, its frozen terms and the working calendar in force;
/// recomputing with a newly loaded schedule is how the clocks follow a changed holiday calendar.
/// <list type="bullet">
/// <item><c>dispatch</c>: from receipt, <see cref="ComplaintTerms.DispatchWorkingDays"/> wd; met on the day the
/// ticket first reached a department (routed at intake: the day of receipt; else the <c>assign</c>).
/// Acceptance is not needed to meet it: the department's own clocks measure the department.</item>
/// <item><c>acceptance</c> (petition-type only): 15 days from reaching the department; met by the first
/// <c>accept</c> (the owner's, or a transfer target's).</item>
/// <item><c>explanation</c>: 3 days from reaching the department; met by the first <c>explain</c> or <c>answer</c>.</item>
/// <item><c>answer</c>, one per round: from reaching the department (hotline categories) or from the first
/// acceptance (petition-type; not started before it), or from the reopening (later rounds); due after the
/// category's limit, or on the date an extension told the filer; met by the round's <c>answer</c>.</item>
/// </list>
/// A transfer restarts none of them (首问负责). Sources: local 12345 rules; 信访工作条例 (2022); seed 003 (第五篇 首问负责制).
/// </summary>
public static class ComplaintDeadlines
{
    /// <summary>Every clock the ticket has started, in the order they start (answer rounds in order).</summary>
    public static IReadOnlyList<ComplaintDeadline> Compute(Complaint complaint, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(calendar);
        var c = complaint;
        var list = new List<ComplaintDeadline>();
        var dispatch = ComplaintRules.DispatchDue(calendar, c.ReceivedOn, c.Terms);
        list.Add(new ComplaintDeadline(ComplaintDeadlineKind.Dispatch, 1, c.ReceivedOn, dispatch.Date, dispatch.Provisional, c.ReachedOn));
        if (c.ReachedOn is not { } reached)
        {
            return list;
        }

        if (c.IsPetition)
        {
            var acceptance = ComplaintRules.AcceptanceDue(calendar, reached, c.Terms.Answer);
            list.Add(new ComplaintDeadline(ComplaintDeadlineKind.Acceptance, 1, reached, acceptance.Date, acceptance.Provisional, c.FirstAcceptedOn));
        }

        var explanation = ComplaintRules.ExplanationDue(calendar, reached, c.Terms);
        var firstExplained = c.Explanations.Count > 0 ? c.Explanations[0].On : (DateOnly?)null;
        var firstAnswered = c.Answers.Count > 0 ? c.Answers[0].On : (DateOnly?)null;
        DateOnly? explained = firstExplained is { } x && firstAnswered is { } y ? (x < y ? x : y) : firstExplained ?? firstAnswered;
        list.Add(new ComplaintDeadline(ComplaintDeadlineKind.Explanation, 1, reached, explanation.Date, explanation.Provisional, explained));

        for (var round = 1; round <= c.Round; round++)
        {
            if (c.AnswerClockStart(round) is not { } start)
            {
                continue;
            }

            var extension = c.Explanations.LastOrDefault(e => e.Round == round && e.Extends);
            var answered = c.Answers.FirstOrDefault(a => a.Round == round)?.On;
            if (extension is not null)
            {
                list.Add(new ComplaintDeadline(ComplaintDeadlineKind.Answer, round, start, extension.ExpectedBy, false, answered, Extended: true));
                continue;
            }

            var due = ComplaintRules.AnswerDue(calendar, start, c.Terms.Answer);
            list.Add(new ComplaintDeadline(ComplaintDeadlineKind.Answer, round, start, due.Date, due.Provisional, answered));
        }

        return list;
    }

    /// <summary>
    /// What a newly loaded schedule for <paramref name="year"/> moves: each open clock (not fixed by an
    /// extension) whose recomputed due date differs from the one <paramref name="recorded"/> and that touches
    /// the year. The app's calendar observer records each as a <c>deadline-moved</c> event
    /// (<see cref="Complaint.RecordDeadlineMoved"/>) and reschedules its timers. Pure.
    /// </summary>
    public static IReadOnlyList<ComplaintDeadlineMove> Moves(Complaint complaint, IReadOnlyList<ComplaintDeadline> recorded, IWorkingCalendar calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var moves = new List<ComplaintDeadlineMove>();
        foreach (var d in Compute(complaint, calendar).Where(d => d.IsOpen && !d.Extended))
        {
            var before = recorded.FirstOrDefault(r => r.Kind == d.Kind && r.Round == d.Round && r.IsOpen);
            if (before is null || before.Due == d.Due)
            {
                continue;
            }

            var touches = before.Due.Year == year || d.Due.Year == year || (d.StartedOn.Year <= year && year <= Math.Max(before.Due.Year, d.Due.Year));
            if (touches)
            {
                moves.Add(new ComplaintDeadlineMove(d.Kind, d.Round, before.Due, d.Due, year));
            }
        }

        return moves;
    }
}
