using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The due date of a decision limit counted in working days, stopped by suspensions and lengthened
/// by an extension.
/// <list type="bullet">
/// <item>The limit counts working days (行政许可法 第八十二条) from the day after <c>startedOn</c> (民法典 第二百零一条).</item>
/// <item>An extension adds its working days (行政许可法 第四十二条).</item>
/// <item>A suspension stops the clock (行政许可法 第四十五条): the working days in [From, Until) are not
/// counted, so a suspension of k working days inside the running period moves the due date by exactly
/// k working days. Suspensions may follow one another (one may start on the day the previous one
/// resumed); overlapping ones, or one starting while another is still open, are an error
/// (<c>deadline.overlapping_suspension</c>).</item>
/// <item>A suspension still open (Until null) is counted as if it ends on <c>today</c> (today is
/// stopped too, the clock would run again tomorrow) and the result is <see cref="CalendarDate.Provisional"/>:
/// it moves each day the case stays suspended.</item>
/// <item>A suspension that begins after the deadline has already fallen due changes nothing: the
/// case was late before it stopped. Stopped days on or before <c>startedOn</c> are not counted twice.</item>
/// <item>The result is also provisional when any day from the day after <c>startedOn</c> to the due date
/// lies in a year whose official schedule is not loaded.</item>
/// </list>
/// Source: 行政许可法 第四十二条, 第四十五条, 第八十二条; 民法典 第二百零一条.
/// </summary>
public static class DecisionDeadline
{
    public const string OverlappingSuspensionCode = "deadline.overlapping_suspension";

    public const string InvalidSuspensionCode = "deadline.invalid_suspension";

    public const string InvalidLimitCode = "deadline.invalid_limit";

    /// <summary>The due date (see the type's rules), or an error for overlapping or backwards suspensions or a negative limit.</summary>
    public static Result<CalendarDate> Compute(
        IWorkingCalendar calendar,
        DateOnly startedOn,
        int limitWorkingDays,
        IReadOnlyList<Suspension> suspensions,
        Extension? extension,
        DateOnly today) =>
        ComputeDetailed(calendar, startedOn, limitWorkingDays, suspensions, extension, today).Map(b => b.Due);

    /// <summary>The due date with how it was reached: what the extension and each suspension contributed.</summary>
    public static Result<DeadlineBreakdown> ComputeDetailed(
        IWorkingCalendar calendar,
        DateOnly startedOn,
        int limitWorkingDays,
        IReadOnlyList<Suspension> suspensions,
        Extension? extension,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(suspensions);
        if (limitWorkingDays < 0)
        {
            return DomainError.Validation(InvalidLimitCode, "办理时限无效", $"limit of {limitWorkingDays} working days");
        }

        if (extension is { WorkingDays: < 0 })
        {
            return DomainError.Validation(ExtensionRules.InvalidCode, "延长办理期限的申请无效", $"extension of {extension.WorkingDays} working days");
        }

        foreach (var s in suspensions)
        {
            if (s.Until is { } until && until < s.From)
            {
                return DomainError.Validation(InvalidSuspensionCode, "中止期间无效", $"a suspension from {s.From:yyyy-MM-dd} cannot resume earlier, on {until:yyyy-MM-dd}");
            }
        }

        var order = Enumerable.Range(0, suspensions.Count).OrderBy(i => suspensions[i].From).ToArray();
        for (var k = 1; k < order.Length; k++)
        {
            var previous = suspensions[order[k - 1]];
            var next = suspensions[order[k]];
            if (previous.Until is not { } resumed || next.From < resumed)
            {
                return DomainError.Conflict(
                    OverlappingSuspensionCode,
                    "中止期间相互重叠",
                    $"the suspension from {next.From:yyyy-MM-dd} ({next.Reason}) starts before the one from {previous.From:yyyy-MM-dd} ({previous.Reason}) has ended");
            }
        }

        var extensionDays = extension?.WorkingDays ?? 0;
        var remaining = limitWorkingDays + extensionDays;
        var cursor = startedOn; // the last day not counted; counting goes on from the next day
        var stopped = new int[suspensions.Count];
        var open = false;
        foreach (var i in order)
        {
            var s = suspensions[i];
            var available = calendar.WorkingDaysBetween(cursor, s.From.AddDays(-1));
            if (available >= remaining)
            {
                break; // the deadline falls before this suspension begins
            }

            remaining -= available;
            var resumesOn = ResumesOn(s, today);
            var lastStopped = resumesOn.AddDays(-1);
            var before = cursor;
            if (lastStopped > cursor)
            {
                cursor = lastStopped;
            }

            stopped[i] = calendar.WorkingDaysBetween(Max(before, s.From.AddDays(-1)), cursor);
            open |= s.IsOpen;
        }

        var due = calendar.AddWorkingDays(cursor, remaining).Date;
        var provisional = open || AnyYearUnloaded(calendar, startedOn.AddDays(1), due);
        var plain = calendar.AddWorkingDays(startedOn, limitWorkingDays);
        return new DeadlineBreakdown(new CalendarDate(due, provisional), plain, extensionDays, stopped.AsReadOnly());
    }

    /// <summary>
    /// The working days <paramref name="suspension"/> stops the clock on its own: those in [From, Until),
    /// or [From, today] while it is open. Source: 行政许可法 第四十五条.
    /// </summary>
    public static int StoppedWorkingDays(IWorkingCalendar calendar, Suspension suspension, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(suspension);
        return calendar.WorkingDaysBetween(suspension.From.AddDays(-1), ResumesOn(suspension, today).AddDays(-1));
    }

    /// <summary>The day the clock runs again: Until, or for an open suspension the day after today (never before From).</summary>
    private static DateOnly ResumesOn(Suspension s, DateOnly today) => s.Until ?? Max(today.AddDays(1), s.From);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static bool AnyYearUnloaded(IWorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        for (var y = from.Year; y <= to.Year; y++)
        {
            if (!calendar.HasSchedule(y))
            {
                return true;
            }
        }

        return false;
    }
}
