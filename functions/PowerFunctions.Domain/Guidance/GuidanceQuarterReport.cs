using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// The quarterly report of the guidance register (行政指导 季报表): a pure aggregation of register entries
/// for a quarter, as of a date (follow-ups after <c>asOf</c> are not counted, so a report drawn up on a
/// date always reads the same). See <see cref="GuidanceReportRow"/> for what each column counts.
/// Source: seed 003 (行政指导方案: 登记、回访、季报).
/// </summary>
public static class GuidanceQuarterReport
{
    public static GuidanceReport Build(GuidanceQuarter quarter, IEnumerable<GuidanceEntry> entries, IWorkingCalendar calendar, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(calendar);
        var known = entries.Select(e => Known(e, asOf)).Where(e => e.GivenOn <= asOf).ToArray();
        var rows = known
            .GroupBy(e => e.DepartmentCode, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToArray(), quarter, calendar, asOf))
            .Where(r => r.Given > 0 || r.FollowUpsDue > 0)
            .OrderBy(r => r.Department, StringComparer.Ordinal)
            .ToArray();
        var total = Row("total", known, quarter, calendar, asOf);
        return new GuidanceReport(quarter.ToString(), quarter.From, quarter.To, asOf, rows, total);
    }

    private static GuidanceEntry Known(GuidanceEntry entry, DateOnly asOf) =>
        entry with { FollowUps = entry.FollowUps.Where(f => f.On <= asOf).ToArray() };

    private static GuidanceReportRow Row(string department, IReadOnlyList<GuidanceEntry> entries, GuidanceQuarter quarter, IWorkingCalendar calendar, DateOnly asOf)
    {
        var given = entries.Where(e => quarter.Contains(e.GivenOn)).ToArray();
        var due = entries.Select(e => (Entry: e, Due: e.FollowUpDue(calendar).Date)).Where(x => quarter.Contains(x.Due)).ToArray();
        return new GuidanceReportRow(
            department,
            given.Length,
            given.Count(e => e.Measure == GuidanceMeasure.Advice),
            given.Count(e => e.Measure == GuidanceMeasure.Prompt),
            given.Count(e => e.Measure == GuidanceMeasure.Warning),
            due.Length,
            due.Count(x => x.Entry.FirstFollowUpOn is { } on && on <= x.Due),
            due.Count(x => x.Entry.FirstFollowUpOn is { } on && on > x.Due),
            due.Count(x => x.Entry.FirstFollowUpOn is null && asOf > x.Due),
            given.Count(e => e.LatestResponse == TargetResponse.Accepted),
            given.Count(e => e.LatestResponse == TargetResponse.Refused),
            given.Count(e => e.LatestResponse is null));
    }
}
