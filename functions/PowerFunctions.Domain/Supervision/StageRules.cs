using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// Each stage of a case (acceptance, review, decision, publicity, delivery) has its own limit in the
/// catalog; a stage that uses more working days than its limit is a violation even when the case as a
/// whole is on time. Working days are counted as every other period: the start day not counted
/// (民法典 第二百零一条), holidays skipped (行政许可法 第八十二条); a running stage is measured to today.
/// Source: municipal 电子监察 rules (public): "a stage overrunning its own limit is a violation even if
/// the case is not late".
/// </summary>
public static class StageRules
{
    /// <summary>The source of the rule.</summary>
    public const string Source = "municipal 电子监察 rules (public)";

    /// <summary>Measures one stage; a limit of 0 means the catalog sets none, so it never overruns. Source: municipal 电子监察 rules (public).</summary>
    public static StageCheck Check(IWorkingCalendar calendar, string stage, DateOnly startedOn, DateOnly? endedOn, int limitWorkingDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var end = endedOn ?? today;
        var used = end > startedOn ? calendar.WorkingDaysBetween(startedOn, end) : 0;
        return new StageCheck(stage, startedOn, endedOn, limitWorkingDays, used, limitWorkingDays > 0 && used > limitWorkingDays);
    }
}
