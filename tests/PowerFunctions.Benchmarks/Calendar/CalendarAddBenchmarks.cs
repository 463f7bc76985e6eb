using BenchmarkDotNet.Attributes;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Benchmarks.Calendar;

/// <summary>
/// <see cref="WorkingCalendar.AddWorkingDays"/> against a naive day-by-day loop over the same
/// schedules (hash-set look-ups per day, the usual hand-written implementation), for 5, 20 and 200
/// working days from 64 start dates spread over 2024–2026.
/// </summary>
[MemoryDiagnoser]
public class CalendarAddBenchmarks
{
    private const int Starts = 64;

    private readonly WorkingCalendar _calendar = OfficialSchedules.Calendar();
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeups = [];
    private readonly DateOnly[] _starts = new DateOnly[Starts];

    [Params(5, 20, 200)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        foreach (var year in OfficialSchedules.All)
        {
            foreach (var h in year.Holidays)
            {
                for (var d = h.From; d <= h.To; d = d.AddDays(1))
                {
                    _holidays.Add(d);
                }
            }

            foreach (var m in year.MakeupWorkdays)
            {
                _makeups.Add(m);
            }
        }

        for (var i = 0; i < Starts; i++)
        {
            _starts[i] = new DateOnly(2024, 1, 1).AddDays(i * 13);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Starts)]
    public int NaiveLoop()
    {
        var sum = 0;
        foreach (var start in _starts)
        {
            var d = start;
            for (var left = Days; left > 0;)
            {
                d = d.AddDays(1);
                if (_makeups.Contains(d) || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(d)))
                {
                    left--;
                }
            }

            sum += d.DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Starts)]
    public int Engine()
    {
        var sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.AddWorkingDays(start, Days).Date.DayNumber;
        }

        return sum;
    }
}
