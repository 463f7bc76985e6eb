using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// The rules of administrative guidance (行政指导), each in one place with its source.
/// <list type="bullet">
/// <item>Every guidance given is recorded in the register: department, target, measure, content and basis.</item>
/// <item>It is followed up (回访复查) within the working days the register entry sets; the clock has the
/// yellow and red levels of every other clock.</item>
/// <item>Guidance is voluntary: the target's acceptance or refusal is recorded, and a refusal brings no
/// adverse measure. Structurally: the answer changes nothing in the entry but the record itself (the
/// follow-up clock resolves alike, no command depends on it), and nothing outside this namespace may
/// reference it (checked over the compiled assemblies by <c>GuidanceIsolationTests</c>).</item>
/// <item>The register is reported quarterly (季报表): <see cref="GuidanceQuarterReport"/>.</item>
/// </list>
/// Source: seed 003 (行政指导方案).
/// </summary>
public static class GuidanceRules
{
    /// <summary>The source every rule here cites.</summary>
    public const string Source = "seed 003 (行政指导方案)";

    /// <summary>The shortest follow-up period a register entry may set (working days).</summary>
    public const int MinFollowUpWorkingDays = 1;

    /// <summary>The longest follow-up period a register entry may set (working days): a quarter, so every follow-up falls within the next report.</summary>
    public const int MaxFollowUpWorkingDays = 60;

    /// <summary>The longest content or basis accepted.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The follow-up falls due <paramref name="workingDays"/> working days after the guidance was given (start day not counted). Source: seed 003 (回访复查); 民法典 第二百零一条.</summary>
    public static CalendarDate FollowUpDue(IWorkingCalendar calendar, DateOnly givenOn, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(givenOn, workingDays);
    }

    /// <summary>The follow-up clock's level at <paramref name="now"/>: met once followed up (late stays red), else pending / yellow / red. Source: seed 003; municipal 电子监察 rules.</summary>
    public static DeadlineStatus FollowUpStatus(IWorkingCalendar calendar, DateOnly due, DateOnly? followedUpOn, DateTimeOffset now) =>
        followedUpOn is { } on && on > due ? DeadlineStatus.Red : AlertRules.StatusAt(calendar, due, now, met: followedUpOn is not null);
}
