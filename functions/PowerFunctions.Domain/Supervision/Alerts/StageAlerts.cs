using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// A stage running over its own limit raises yellow and red WHILE it is still open, not only when it ends
/// (municipal 电子监察 rules: "a stage overrunning its own limit is a violation even if the case is not late").
/// For a stage started on <c>startedOn</c> with a limit of <c>n</c> working days:
/// <list type="bullet">
/// <item>its last day (<see cref="StageAlertPlan.Due"/>) is the n-th working day after the start day (the start day
/// not counted, 民法典 第二百零一条; holidays skipped, 行政许可法 第八十二条);</item>
/// <item>yellow from the start of the working day before that last day (<see cref="AlertRules.YellowFrom"/>, as for
/// every deadline);</item>
/// <item>red from the start of the first working day after it: the first instant at which <see cref="StageRules.Check"/>
/// measures more working days used than the limit. A stage counted in working days cannot overrun on a weekend or
/// holiday; red and the stage view's <c>overrun</c> therefore always agree (a test holds them together).</item>
/// </list>
/// A limit of 0 (the catalog sets none) raises nothing. Pure: the app schedules timers at the two instants and raises,
/// once, the level the plan answers for now. Source: municipal 电子监察 rules (public).
/// </summary>
public static class StageAlerts
{
    /// <summary>The source of the rule.</summary>
    public const string Source = "municipal 电子监察 rules (public)";

    /// <summary>The plan of a stage started on <paramref name="startedOn"/> with <paramref name="limitWorkingDays"/>, at <paramref name="now"/>; null without a limit.</summary>
    public static StageAlertPlan? Plan(IWorkingCalendar calendar, string stage, DateOnly startedOn, int limitWorkingDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(limitWorkingDays);
        if (limitWorkingDays == 0)
        {
            return null;
        }

        var due = calendar.AddWorkingDays(startedOn, limitWorkingDays).Date;
        var yellowAt = AlertRules.YellowFrom(calendar, due);
        var redAt = ChinaTime.StartOf(calendar.AddWorkingDays(due, 1).Date);
        AlertLevel? level = now >= redAt ? AlertLevel.Red : now >= yellowAt ? AlertLevel.Yellow : null;
        return new StageAlertPlan(stage, AlertKind.Stage(stage), due, yellowAt, redAt, level);
    }

    /// <summary>The plan of a stage measured by <see cref="StageRules.Check"/> that is still running; null once it ended or without a limit.</summary>
    public static StageAlertPlan? Plan(IWorkingCalendar calendar, StageCheck stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.EndedOn is null ? Plan(calendar, stage.Stage, stage.StartedOn, stage.LimitWorkingDays, now) : null;
    }
}
