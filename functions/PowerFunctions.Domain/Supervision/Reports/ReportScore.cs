namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// The score of a department in a period (0–100, one decimal; our definition, written in the README):
/// <code>
/// score = 50·T + 15·C + 15·S + 20·A − 5·R, clamped to 0–100, rounded half away from zero to 0.1
///   T = decidedOnTime / decided                         (1 when nothing was decided)
///   C = complaintsOnTime / complaintsAnswered           (1 when nothing was answered)
///   S = ratingsGood / (ratingsGood + ratingsBad)        (1 when nobody rated)
///   A = max(0, 1 − (alertsRed + alertsYellow / 4) / max(1, received + complaints))
///   R = rectifications open at the end of the period
/// </code>
/// Why: meeting the statutory clocks is what 电子监察 exists for (行政许可法 第四十二条 and the limits of every item),
/// so timeliness weighs half; the citizen's side, tickets answered in time (seed 003 首问负责) and ratings
/// (国办发〔2019〕51号 makes 好差评 part of assessment), weighs 30; the alert density weighs 20, measured per case and
/// ticket handled so a large department is not punished for its size, a yellow (a warning) counting a quarter of a red
/// (a violation); and each rectification still open is a written order not yet obeyed (seed 002, 004), 5 points each
/// whatever the size. Exact decimal arithmetic: the same counters always give the same score.
/// Source: seed 002 (周清月结季通报年考核).
/// </summary>
public static class ReportScore
{
    public const string Formula = "score = 50·T + 15·C + 15·S + 20·A − 5·R (0–100, 0.1)";

    public static decimal Of(DepartmentCounters counts, long rectificationsOpen)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var t = Rate(counts.DecidedOnTime, counts.Decided);
        var c = Rate(counts.ComplaintsOnTime, counts.ComplaintsAnswered);
        var s = Rate(counts.RatingsGood, counts.RatingsGood + counts.RatingsBad);
        var load = Math.Max(1, counts.Received + counts.Complaints);
        var a = Math.Max(0m, 1m - ((counts.AlertsRed + (counts.AlertsYellow / 4m)) / load));
        var score = (50m * t) + (15m * c) + (15m * s) + (20m * a) - (5m * rectificationsOpen);
        return Math.Round(Math.Clamp(score, 0m, 100m), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>part / whole, 1 when whole is 0.</summary>
    public static decimal Rate(long part, long whole) => whole == 0 ? 1m : (decimal)part / whole;
}
