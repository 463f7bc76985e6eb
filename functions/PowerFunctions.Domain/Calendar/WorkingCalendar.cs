namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// The working calendar over a set of official year schedules: immutable, thread-safe, and fast.
/// <para>
/// Every day has an ordinal: the number of working days from 0001-01-01 up to and including it.
/// Across the loaded years (from 1 January of the first to 31 December of the last) the ordinals and
/// the list of working days are precomputed; outside them, and in gap years, only weekends are
/// skipped and the ordinal has a closed form. So <see cref="AddWorkingDays"/> is two array look-ups
/// (O(1), flat in the number of days) and <see cref="WorkingDaysBetween"/> a subtraction.
/// </para>
/// <para>
/// The rules, each in one place: what a working day is (<see cref="IsWorkingDay"/>, 行政许可法 第八十二条),
/// the start day not counted (<see cref="AddWorkingDays"/>, 民法典 第二百零一条), a calendar-day period's
/// last day rolled to a working day (<see cref="AddCalendarDays"/>, 民法典 第二百零三条), and provisional
/// dates in years with no schedule (<see cref="HasSchedule"/>).
/// </para>
/// </summary>
public sealed class WorkingCalendar : IWorkingCalendar
{
    private readonly SortedDictionary<int, YearSchedule> _years;
    private readonly int _firstYear;
    private readonly bool[] _loaded;          // per year from _firstYear
    private readonly int _rangeStart;         // day number of 1 January of the first loaded year
    private readonly int _rangeEnd;           // day number of 31 December of the last loaded year; < _rangeStart when none
    private readonly int[] _ordinalAt;        // _ordinalAt[i] = Ordinal(_rangeStart + i)
    private readonly int[] _workingDays;      // day numbers of the working days in the range, in order
    private readonly int _firstOrdinal;       // ordinal of _workingDays[0]
    private readonly int _offsetAfter;        // Ordinal(x) - WeekdayOrdinal(x) for x after the range
    private readonly bool _noGaps;            // every year of the range is loaded

    /// <summary>A calendar over <paramref name="schedules"/> (at most one per year).</summary>
    public WorkingCalendar(IEnumerable<YearSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        _years = [];
        foreach (var s in schedules)
        {
            if (!_years.TryAdd(s.Year, s))
            {
                throw new ArgumentException($"two schedules for {s.Year}", nameof(schedules));
            }
        }

        if (_years.Count == 0)
        {
            _firstYear = 0;
            _loaded = [];
            _rangeStart = 0;
            _rangeEnd = -1;
            _ordinalAt = [];
            _workingDays = [];
            _firstOrdinal = 1;
            _offsetAfter = 0;
            _noGaps = false;
            Schedules = [];
            return;
        }

        _firstYear = _years.Keys.First();
        var lastYear = _years.Keys.Last();
        _loaded = new bool[lastYear - _firstYear + 1];
        foreach (var y in _years.Keys)
        {
            _loaded[y - _firstYear] = true;
        }

        _noGaps = _loaded.All(l => l);

        _rangeStart = new DateOnly(_firstYear, 1, 1).DayNumber;
        _rangeEnd = new DateOnly(lastYear, 12, 31).DayNumber;
        var length = _rangeEnd - _rangeStart + 1;
        var off = new HashSet<int>();
        var on = new HashSet<int>();
        foreach (var s in _years.Values)
        {
            foreach (var h in s.Holidays)
            {
                for (var d = h.From.DayNumber; d <= h.To.DayNumber; d++)
                {
                    off.Add(d);
                }
            }

            foreach (var m in s.MakeupWorkdays)
            {
                on.Add(m.DayNumber);
            }
        }

        _ordinalAt = new int[length];
        var working = new List<int>(length * 5 / 7 + 16);
        var ordinal = WeekdayOrdinal(_rangeStart - 1);
        _firstOrdinal = ordinal + 1;
        for (var i = 0; i < length; i++)
        {
            var day = _rangeStart + i;
            if (on.Contains(day) || (IsWeekday(day) && !off.Contains(day)))
            {
                ordinal++;
                working.Add(day);
            }

            _ordinalAt[i] = ordinal;
        }

        _workingDays = [.. working];
        _offsetAfter = ordinal - WeekdayOrdinal(_rangeEnd);
        Schedules = _years.Values.ToList().AsReadOnly();
    }

    /// <summary>A calendar with no schedule at all: weekends only, every date provisional.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    /// <summary>The loaded schedules, in year order.</summary>
    public IReadOnlyList<YearSchedule> Schedules { get; }

    /// <summary>A new calendar with <paramref name="schedule"/> loaded, replacing that year if it was loaded; this one is unchanged.</summary>
    public WorkingCalendar WithYear(YearSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new WorkingCalendar(_years.Values.Where(s => s.Year != schedule.Year).Append(schedule));
    }

    /// <summary>The schedule of <paramref name="year"/>, or null when it is not loaded.</summary>
    public YearSchedule? ScheduleFor(int year) => _years.GetValueOrDefault(year);

    /// <summary>
    /// True when <paramref name="year"/>'s official schedule is loaded. A year without one counts
    /// weekends only, and every date computed into it (the result or any day counted) is provisional
    /// until the schedule arrives. Source: GLOSSARY, "official holiday schedules"; 国务院办公厅 annual notice.
    /// </summary>
    public bool HasSchedule(int year)
    {
        var i = year - _firstYear;
        return i >= 0 && i < _loaded.Length && _loaded[i];
    }

    /// <summary>The statutory holiday <paramref name="date"/> falls in, or null.</summary>
    public Holiday? HolidayOn(DateOnly date) => _years.TryGetValue(date.Year, out var s) ? s.HolidayOn(date) : null;

    /// <summary>
    /// True on a working day: a Monday–Friday that is not in a statutory holiday, or a make-up working
    /// day (调休上班) even on a weekend. In a year with no schedule: Monday–Friday.
    /// Source: 行政许可法 第八十二条 (periods count working days, not statutory holidays).
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var day = date.DayNumber;
        if (day < _rangeStart || day > _rangeEnd)
        {
            return IsWeekday(day);
        }

        var i = day - _rangeStart;
        return _ordinalAt[i] != (i == 0 ? _firstOrdinal - 1 : _ordinalAt[i - 1]);
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> working days starting on <paramref name="from"/>:
    /// the start day is not counted, counting begins the next day (民法典 第二百零一条), and only working
    /// days count (行政许可法 第八十二条). For 0 days, <paramref name="from"/>. Provisional when any day
    /// after <paramref name="from"/> up to the result lies in a year with no schedule.
    /// </summary>
    public CalendarDate AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return new CalendarDate(from, !HasSchedule(from.Year));
        }

        var result = DateOfOrdinal((long)Ordinal(from.DayNumber) + days);
        return new CalendarDate(result, AnyDayUnloaded(from.DayNumber + 1, result));
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> calendar days starting on <paramref name="from"/>
    /// (start day not counted, 民法典 第二百零一条); when that day is a statutory holiday or weekend the
    /// period ends on the next working day (民法典 第二百零三条). Provisional when the days looked at to
    /// find the end lie in a year with no schedule.
    /// </summary>
    public CalendarDate AddCalendarDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var last = from.AddDays(days);
        var result = IsWorkingDay(last) ? last : DateOfOrdinal((long)Ordinal(last.DayNumber) + 1);
        return new CalendarDate(result, AnyDayUnloaded(last.DayNumber, result));
    }

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        toInclusive <= fromExclusive ? 0 : Ordinal(toInclusive.DayNumber) - Ordinal(fromExclusive.DayNumber);

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="date"/> (1 = the last working day before it); the date itself for 0.</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return days == 0 ? date : DateOfOrdinal((long)Ordinal(date.DayNumber - 1) - days + 1);
    }

    /// <summary>
    /// The period's end and every day it did not count, with the reason (the holiday's name, or 周末):
    /// for working days the non-working days after <paramref name="from"/> up to the end; for calendar
    /// days the non-working days the last day was rolled over.
    /// </summary>
    public CalendarExplanation Explain(DateOnly from, int days, PeriodUnit unit)
    {
        var result = unit == PeriodUnit.Working ? AddWorkingDays(from, days) : AddCalendarDays(from, days);
        var first = unit == PeriodUnit.Working ? from.AddDays(1) : from.AddDays(days);
        var skipped = new List<SkippedDay>();
        for (var d = first; d <= result.Date; d = d.AddDays(1))
        {
            if (!IsWorkingDay(d))
            {
                skipped.Add(new SkippedDay(d, HolidayOn(d)?.Name ?? CalendarReasons.Weekend));
            }
        }

        return new CalendarExplanation(from, days, unit, result, skipped.AsReadOnly());
    }

    /// <summary>Working days from 0001-01-01 up to and including day number <paramref name="day"/>.</summary>
    private int Ordinal(int day)
    {
        if (day < _rangeStart)
        {
            return WeekdayOrdinal(day);
        }

        return day <= _rangeEnd ? _ordinalAt[day - _rangeStart] : WeekdayOrdinal(day) + _offsetAfter;
    }

    /// <summary>The working day whose ordinal is <paramref name="ordinal"/> (≥ 1).</summary>
    private DateOnly DateOfOrdinal(long ordinal)
    {
        long day;
        if (ordinal < _firstOrdinal)
        {
            day = WeekdayOfOrdinal(ordinal);
        }
        else if (ordinal - _firstOrdinal < _workingDays.Length)
        {
            day = _workingDays[ordinal - _firstOrdinal];
        }
        else
        {
            day = WeekdayOfOrdinal(ordinal - _offsetAfter);
        }

        if (day < 0 || day > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), "the period runs outside the dates the calendar can represent");
        }

        return DateOnly.FromDayNumber((int)day);
    }

    /// <summary>True when a day from day number <paramref name="fromDay"/> to <paramref name="to"/> lies in a year with no schedule.</summary>
    private bool AnyDayUnloaded(int fromDay, DateOnly to)
    {
        var toDay = to.DayNumber;
        if (fromDay < _rangeStart || toDay > _rangeEnd)
        {
            return true;
        }

        if (_noGaps)
        {
            return false;
        }

        for (var y = DateOnly.FromDayNumber(fromDay).Year; y <= to.Year; y++)
        {
            if (!HasSchedule(y))
            {
                return true;
            }
        }

        return false;
    }

    // Day number 0 (0001-01-01) is a Monday: days 0–4 of each week are weekdays.
    private static bool IsWeekday(int day) => day % 7 < 5;

    /// <summary>Weekdays in [0, day] (0 for day &lt; 0).</summary>
    private static int WeekdayOrdinal(int day)
    {
        if (day < 0)
        {
            return 0;
        }

        var count = day + 1;
        return count / 7 * 5 + Math.Min(count % 7, 5);
    }

    /// <summary>The day number of the <paramref name="ordinal"/>-th weekday (1-based); -1 for none.</summary>
    private static long WeekdayOfOrdinal(long ordinal) => ordinal < 1 ? -1 : (ordinal - 1) / 5 * 7 + (ordinal - 1) % 5;
}
