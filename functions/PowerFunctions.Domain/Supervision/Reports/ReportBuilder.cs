namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// Builds a period's report from daily counters: per department the sum of its days inside the period (days outside
/// are ignored), the rectifications open at the end, the score (<see cref="ReportScore"/>) and the rank. Every listed
/// department has a line, also with nothing counted; a department counted but not listed is shown by its code.
/// Ranks: higher score first; equal scores share a rank and the next rank skips (1, 2, 2, 4), ties listed by code, so
/// the same counters always give the same table. Source: seed 002 (周清月结季通报年考核).
/// </summary>
public static class ReportBuilder
{
    public const string Source = "seed 002 (周清月结季通报年考核)";

    public static PeriodReport Build(
        ReportPeriod period,
        IEnumerable<ReportDepartment> departments,
        IEnumerable<DailyCounters> days,
        IReadOnlyDictionary<string, long> rectificationsOpenAtEnd,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(rectificationsOpenAtEnd);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in departments)
        {
            names.TryAdd(d.Code, d.Name);
        }

        var sums = names.Keys.ToDictionary(k => k, _ => DepartmentCounters.Zero, StringComparer.Ordinal);
        foreach (var day in days.Where(d => period.Contains(d.Day)))
        {
            sums[day.Department] = sums.GetValueOrDefault(day.Department, DepartmentCounters.Zero).Plus(day.Counts);
        }

        foreach (var (code, open) in rectificationsOpenAtEnd)
        {
            if (open != 0)
            {
                sums.TryAdd(code, DepartmentCounters.Zero);
            }
        }

        var rows = sums.Select(s =>
        {
            var c = s.Value;
            var open = Math.Max(0, rectificationsOpenAtEnd.GetValueOrDefault(s.Key));
            decimal? rate = c.Decided == 0 ? null : Math.Round((decimal)c.DecidedOnTime / c.Decided, 4, MidpointRounding.AwayFromZero);
            return new DepartmentReportRow(
                s.Key, names.GetValueOrDefault(s.Key, s.Key), c.Received, c.Decided, c.DecidedOnTime, rate, c.Overdue, c.AlertsRed, c.AlertsYellow,
                c.Complaints, c.ComplaintsOnTime, c.RatingsGood, c.RatingsBad, open, ReportScore.Of(c, open), 0, c);
        }).ToList();
        return new PeriodReport(period.Code, period.From, period.To, period.IsClosedAt(now), Rank(rows));
    }

    /// <summary>Ranks rows by score (competition ranking: 1, 2, 2, 4), ties by code. Source: seed 002.</summary>
    public static IReadOnlyList<DepartmentReportRow> Rank(IEnumerable<DepartmentReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows.OrderByDescending(r => r.Score).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var ranked = new List<DepartmentReportRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }

        return ranked;
    }
}
