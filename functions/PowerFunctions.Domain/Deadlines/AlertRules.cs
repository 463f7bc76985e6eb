using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The alert levels of 电子监察 for a deadline due on a date: a yellow signal (黄牌) from the start of the
/// working day before the due date (a configurable number of working days), a red signal (红牌) once
/// the due date has ended in China (after 23:59:59 +08:00) unmet, met once satisfied (met wins over
/// any colour). While the clock of the deadline is stopped (a suspension under 行政许可法 第四十五条) the
/// due date moves with every stopped day, so nobody is about to be late: no yellow then; a deadline that
/// had already passed before the stop stays red. Source: municipal 电子监察 rules (public): "预警 one
/// working day before a limit expires; 红牌 when it has expired".
/// </summary>
public static class AlertRules
{
    /// <summary>Yellow starts this many working days before the due date. Source: municipal 电子监察 rules.</summary>
    public const int DefaultYellowWorkingDays = 1;

    /// <summary>
    /// Midnight (China) at the start of the working day <paramref name="yellowWorkingDays"/> working days
    /// before <paramref name="due"/>; for 0, the start of the due date itself. Source: municipal 电子监察 rules.
    /// </summary>
    public static DateTimeOffset YellowFrom(IWorkingCalendar calendar, DateOnly due, int yellowWorkingDays = DefaultYellowWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(yellowWorkingDays);
        return ChinaTime.StartOf(calendar.WorkingDaysBefore(due, yellowWorkingDays));
    }

    /// <summary>The end of <paramref name="due"/> in China: the next midnight, +08:00. Source: municipal 电子监察 rules.</summary>
    public static DateTimeOffset RedFrom(DateOnly due) => ChinaTime.EndOf(due);

    /// <summary>
    /// <see cref="DeadlineStatus.Met"/> when met; otherwise <see cref="DeadlineStatus.Red"/> from
    /// <see cref="RedFrom"/>, <see cref="DeadlineStatus.Yellow"/> from <see cref="YellowFrom"/> unless
    /// <paramref name="clockStopped"/> (no yellow while suspended), else <see cref="DeadlineStatus.Pending"/>.
    /// Source: municipal 电子监察 rules; 行政许可法 第四十五条 (time not counted while suspended).
    /// </summary>
    public static DeadlineStatus StatusAt(IWorkingCalendar calendar, DateOnly due, DateTimeOffset now, bool met, int yellowWorkingDays = DefaultYellowWorkingDays, bool clockStopped = false)
    {
        if (met)
        {
            return DeadlineStatus.Met;
        }

        if (now >= RedFrom(due))
        {
            return DeadlineStatus.Red;
        }

        return !clockStopped && now >= YellowFrom(calendar, due, yellowWorkingDays) ? DeadlineStatus.Yellow : DeadlineStatus.Pending;
    }
}
