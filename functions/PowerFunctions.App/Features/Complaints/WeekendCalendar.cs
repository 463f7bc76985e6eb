using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The calendar used when no working calendar is registered: weekends only, every date provisional
/// (as for a year whose official schedule is not loaded). Replaced by <see cref="Calendar.ICalendarProvider"/> when present.
/// </summary>
internal sealed class WeekendCalendar : IWorkingCalendar
{
    public static WeekendCalendar Instance { get; } = new();

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public CalendarDate AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new CalendarDate(date, true);
    }

    public CalendarDate AddCalendarDays(DateOnly from, int days)
    {
        var date = from.AddDays(days);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return new CalendarDate(date, true);
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
