using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Complaints;

/// <summary>A test calendar: weekends off plus the listed holidays; start day not counted, last day rolled forward.</summary>
internal sealed class WeekendOnlyCalendar(params DateOnly[] holidays) : IWorkingCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    public CalendarDate AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            counted += IsWorkingDay(date) ? 1 : 0;
        }

        return new CalendarDate(date, false);
    }

    public CalendarDate AddCalendarDays(DateOnly from, int days)
    {
        var date = from.AddDays(days);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return new CalendarDate(date, false);
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        Enumerable.Range(1, Math.Max(0, toInclusive.DayNumber - fromExclusive.DayNumber)).Count(i => IsWorkingDay(fromExclusive.AddDays(i)));
}
