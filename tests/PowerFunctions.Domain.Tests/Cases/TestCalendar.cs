using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Cases;

/// <summary>
/// A small working calendar for case tests: weekends off, plus the 2026 holidays the app tests cross
/// (中秋 9/25–9/27, 国庆 10/1–10/7) and their make-up working days (9/20, 10/10).
/// </summary>
public sealed class TestCalendar : IWorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUp;

    public TestCalendar(bool with2026Holidays = true)
    {
        _holidays = [];
        _makeUp = [];
        if (with2026Holidays)
        {
            for (var d = new DateOnly(2026, 9, 25); d <= new DateOnly(2026, 9, 27); d = d.AddDays(1))
            {
                _holidays.Add(d);
            }

            for (var d = new DateOnly(2026, 10, 1); d <= new DateOnly(2026, 10, 7); d = d.AddDays(1))
            {
                _holidays.Add(d);
            }

            _makeUp.Add(new DateOnly(2026, 9, 20));
            _makeUp.Add(new DateOnly(2026, 10, 10));
        }
    }

    public bool IsWorkingDay(DateOnly date) =>
        _makeUp.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public CalendarDate AddWorkingDays(DateOnly from, int days)
    {
        var d = from;
        for (var left = days; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                left--;
            }
        }

        return new CalendarDate(d, false);
    }

    public CalendarDate AddCalendarDays(DateOnly from, int days)
    {
        var d = from.AddDays(days);
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        return new CalendarDate(d, false);
    }

    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var n = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }
}
