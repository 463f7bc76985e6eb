using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// The calendar the catalog falls back to when no <see cref="Calendar.ICalendarProvider"/> is
/// registered: weekends only, every date provisional (GLOSSARY: a year whose schedule is not loaded
/// counts weekends only and is marked provisional).
/// </summary>
internal sealed class WeekendOnlyCalendar : IWorkingCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;

    public CalendarDate AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            days -= IsWorkingDay(date) ? 1 : 0;
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
            count += IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }
}
