using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// The rules of rectification (整改) and the step to accountability (责任追究), in one place.
/// <list type="bullet">
/// <item>Rectification is ordered in writing (a sealed 整改通知书) with a deadline in working days, counted as every
/// period: the issuing day not counted (民法典 第二百零一条), holidays skipped (行政许可法 第八十二条).</item>
/// <item>A deadline passed without a report is overdue: a red alert (kind <c>rectification</c>), yellow one working
/// day before, as for every clock (municipal 电子监察 rules).</item>
/// <item>Missing it leads to accountability: the SECOND overdue of the same notice (after a send-back gave a new
/// deadline, or a late report was sent back and missed again) is flagged for accountability; the supervisor decides
/// the measure (a person decides, never the system).</item>
/// <item>The date printed on the sealed notice binds: a later holiday schedule does not move it.</item>
/// </list>
/// The 1–60 working days allowed are the product's bound (a notice is about fixing a concrete problem; the longest
/// local practice we know, a quarter, is about 60 working days), not a rule of law.
/// Source: seed 002, seed 004 (整改通知书, 责任追究); municipal 电子监察 rules (public).
/// </summary>
public static class RectificationRules
{
    /// <summary>The sources the rules cite.</summary>
    public const string Source = "seed 002, seed 004 (整改通知书, 责任追究)";

    public const int MinWorkingDays = 1;

    public const int MaxWorkingDays = 60;

    /// <summary>The overdue count at which a notice is flagged for accountability. Source: seed 002, seed 004.</summary>
    public const int AccountabilityAtOverdue = 2;

    /// <summary>The last day to report: <paramref name="workingDays"/> working days after <paramref name="from"/>. Source: seed 002, 004; 民法典 第二百零一条; 行政许可法 第八十二条 counting.</summary>
    public static CalendarDate Due(IWorkingCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!IsValidWorkingDays(workingDays))
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, $"a rectification allows {MinWorkingDays}–{MaxWorkingDays} working days");
        }

        return calendar.AddWorkingDays(from, workingDays);
    }

    public static bool IsValidWorkingDays(int workingDays) => workingDays is >= MinWorkingDays and <= MaxWorkingDays;

    /// <summary>When the yellow alert of a deadline due on <paramref name="due"/> starts. Source: municipal 电子监察 rules.</summary>
    public static DateTimeOffset YellowAt(IWorkingCalendar calendar, DateOnly due) => AlertRules.YellowFrom(calendar, due);

    /// <summary>When a deadline due on <paramref name="due"/> is overdue (the red alert): the end of that day in China. Source: municipal 电子监察 rules.</summary>
    public static DateTimeOffset OverdueAt(DateOnly due) => AlertRules.RedFrom(due);

    /// <summary>True when the <paramref name="occurrence"/>-th overdue of one notice is flagged for accountability. Source: seed 002, seed 004.</summary>
    public static bool FlagsAccountability(int occurrence) => occurrence >= AccountabilityAtOverdue;

    /// <summary>The id of the <paramref name="sequence"/>-th notice issued to <paramref name="department"/> on <paramref name="on"/>: <c>ZG-D01-20260918-001</c>.</summary>
    public static string IdFor(string department, DateOnly on, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ZG-{department}-{on:yyyyMMdd}-{sequence:000}");
    }

    /// <summary>Today in China at <paramref name="now"/>.</summary>
    internal static DateOnly Today(DateTimeOffset now) => ChinaTime.DateOf(now);
}
