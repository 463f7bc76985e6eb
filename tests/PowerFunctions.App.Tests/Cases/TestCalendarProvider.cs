using PowerFunctions.App.Features.Calendar;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>Stands in for the calendar feature where it is not registered: weekends plus the 2026 holidays the tests cross (中秋 9/25–27, 国庆 10/1–7; make-up 9/20, 10/10).</summary>
public sealed class TestCalendarProvider : ICalendarProvider
{
    private readonly TestCalendar _calendar = new();

    public ValueTask<IWorkingCalendar> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IWorkingCalendar>(_calendar);

    private sealed class TestCalendar : IWorkingCalendar
    {
        private static readonly HashSet<DateOnly> Holidays =
        [
            new(2026, 9, 25), new(2026, 9, 26), new(2026, 9, 27),
            new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3), new(2026, 10, 4), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7),
        ];

        private static readonly HashSet<DateOnly> MakeUp = [new(2026, 9, 20), new(2026, 10, 10)];

        public bool IsWorkingDay(DateOnly date) => MakeUp.Contains(date) || (!Holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

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
                n += IsWorkingDay(d) ? 1 : 0;
            }

            return n;
        }
    }
}
