using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// A running period: it started on <see cref="StartedOn"/> (not counted, 民法典 第二百零一条) and lasts
/// <see cref="Days"/> working days (行政许可法 第八十二条) or calendar days (a last day off rolled to the
/// next working day, 民法典 第二百零三条). What a clock IS, so that its due date can be computed again
/// under any calendar (<see cref="DeadlineRedating"/>).
/// </summary>
public sealed record DeadlinePeriod(DateOnly StartedOn, int Days, PeriodUnit Unit)
{
    /// <summary>The last day of the period under <paramref name="calendar"/>.</summary>
    public CalendarDate DueUnder(IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit == PeriodUnit.Working ? calendar.AddWorkingDays(StartedOn, Days) : calendar.AddCalendarDays(StartedOn, Days);
    }
}
