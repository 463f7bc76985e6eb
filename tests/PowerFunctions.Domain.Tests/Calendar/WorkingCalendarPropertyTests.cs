using FsCheck;
using FsCheck.Fluent;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Calendar;

/// <summary>Properties of the working-day arithmetic over the official schedules, from mid-2023 (no schedule) to 2027 (no schedule).</summary>
public sealed class WorkingCalendarPropertyTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();
    private static readonly DateOnly First = new(2023, 6, 1);
    private static readonly HashSet<int> LoadedYears = [2024, 2025, 2026];

    private static Arbitrary<(DateOnly From, int N, int M)> Inputs() =>
        Arb.From(
            from offset in Gen.Choose(0, 4 * 366 + 30)
            from n in Gen.Choose(0, 300)
            from m in Gen.Choose(0, 300)
            select (First.AddDays(offset), n, m));

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void AddWorkingDays_NThenM_EqualsNPlusM()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
            Official.AddWorkingDays(Official.AddWorkingDays(x.From, x.N).Date, x.M).Date == Official.AddWorkingDays(x.From, x.N + x.M).Date));
    }

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void AddWorkingDays_PositiveDays_EndsOnAWorkingDay()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
            x.N == 0 || Official.IsWorkingDay(Official.AddWorkingDays(x.From, x.N).Date)));
    }

    [Fact]
    [Trait("Source", "民法典 第二百零一条")]
    public void WorkingDaysBetween_StartAndResult_IsN()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
            Official.WorkingDaysBetween(x.From, Official.AddWorkingDays(x.From, x.N).Date) == x.N));
    }

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void AddWorkingDays_AnyInput_AgreesWithADayByDayCount()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x => Official.AddWorkingDays(x.From, x.N).Date == NaiveAdd(x.From, x.N)));
    }

    [Fact]
    public void AddWorkingDays_AnyInput_IsProvisionalIffItCountsIntoAYearWithNoSchedule()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            var result = Official.AddWorkingDays(x.From, x.N);
            var firstCounted = x.N == 0 ? result.Date : x.From.AddDays(1);
            var beyond = Enumerable.Range(firstCounted.Year, result.Date.Year - firstCounted.Year + 1).Any(y => !LoadedYears.Contains(y));
            return result.Provisional == beyond;
        }));
    }

    [Fact]
    [Trait("Source", "民法典 第二百零三条")]
    public void AddCalendarDays_AnyInput_EndsOnTheFirstWorkingDayOnOrAfterTheLastDay()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            var last = x.From.AddDays(x.N);
            var result = Official.AddCalendarDays(x.From, x.N).Date;
            var between = Enumerable.Range(0, result.DayNumber - last.DayNumber).Select(i => last.AddDays(i));
            return result >= last && Official.IsWorkingDay(result) && between.All(d => !Official.IsWorkingDay(d));
        }));
    }

    [Fact]
    public void WorkingDaysBefore_AnyInput_UndoesAddWorkingDays()
    {
        Check.One(Runs, Prop.ForAll(Inputs(), x =>
        {
            if (x.N == 0)
            {
                return true;
            }

            var end = Official.AddWorkingDays(x.From, x.N).Date;
            var back = Official.WorkingDaysBefore(end, x.N);
            return Official.IsWorkingDay(back) && Official.WorkingDaysBetween(back, end) == x.N && back <= end;
        }));
    }

    /// <summary>The oracle: walk day by day over the schedule data, not the engine's index.</summary>
    private static DateOnly NaiveAdd(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            var schedule = OfficialSchedules.All.FirstOrDefault(s => s.Year == d.Year);
            var working = schedule is null
                ? d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                : schedule.MakeupWorkdays.Contains(d) || (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && schedule.HolidayOn(d) is null);
            if (working)
            {
                days--;
            }
        }

        return d;
    }
}
