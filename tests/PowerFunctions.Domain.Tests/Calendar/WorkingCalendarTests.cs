using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Official = OfficialSchedules.Calendar();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void OfficialSchedules_BuiltIn_Hold2024To2026WithTheirHolidayNames()
    {
        Assert.Equal([2024, 2025, 2026], OfficialSchedules.All.Select(s => s.Year));
        var y2026 = Official.ScheduleFor(2026)!;
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], y2026.Holidays.Select(h => h.Name));
        Assert.Equal(new Holiday("国庆节", D("2026-10-01"), D("2026-10-07")), y2026.Holidays[^1]);
        Assert.Equal(new Holiday("中秋节", D("2026-09-25"), D("2026-09-27")), y2026.Holidays[^2]);
        Assert.Equal(6, y2026.MakeupWorkdays.Count);
        Assert.Equal(8, Official.ScheduleFor(2024)!.MakeupWorkdays.Count);
        Assert.Equal(5, Official.ScheduleFor(2025)!.MakeupWorkdays.Count);
    }

    [Theory]
    [Trait("Source", "行政许可法 第八十二条")]
    [InlineData("2026-12-30", 3, "2027-01-04", true)]   // counts days of 2027, which has no schedule
    [InlineData("2026-12-30", 1, "2026-12-31", false)]
    [InlineData("2023-12-31", 1, "2024-01-02", false)]  // only days of 2024 are counted
    [InlineData("2023-12-20", 5, "2023-12-27", true)]
    [InlineData("2027-03-01", 0, "2027-03-01", true)]
    public void AddWorkingDays_IntoAYearWithNoSchedule_IsProvisional(string from, int days, string expected, bool provisional)
    {
        Assert.Equal(new CalendarDate(D(expected), provisional), Official.AddWorkingDays(D(from), days));
    }

    [Theory]
    [Trait("Source", "民法典 第二百零三条")]
    [InlineData("2026-12-25", 7, "2027-01-01", true)]
    [InlineData("2026-12-20", 7, "2026-12-28", false)] // Sun 12/27 rolls to Mon 12/28
    public void AddCalendarDays_IntoAYearWithNoSchedule_IsProvisional(string from, int days, string expected, bool provisional)
    {
        Assert.Equal(new CalendarDate(D(expected), provisional), Official.AddCalendarDays(D(from), days));
    }

    [Fact]
    public void WithYear_Loading2027_ClearsTheProvisionalMarkAndLeavesTheOldCalendarAlone()
    {
        var y2027 = YearSchedule.Create(2027, [new Holiday("元旦", D("2027-01-01"), D("2027-01-03"))], []).Value;

        var loaded = Official.WithYear(y2027);

        Assert.Equal(new CalendarDate(D("2027-01-05"), false), loaded.AddWorkingDays(D("2026-12-30"), 3));
        Assert.Equal(new CalendarDate(D("2027-01-04"), true), Official.AddWorkingDays(D("2026-12-30"), 3));
        Assert.True(loaded.HasSchedule(2027));
        Assert.False(Official.HasSchedule(2027));
    }

    [Fact]
    public void WithYear_ReplacingALoadedYear_UsesTheNewSchedule()
    {
        var moved = YearSchedule.Create(2026, [new Holiday("国庆节", D("2026-10-01"), D("2026-10-02"))], []).Value;

        var calendar = Official.WithYear(moved);

        Assert.True(calendar.IsWorkingDay(D("2026-09-25")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-05")));
        Assert.False(calendar.IsWorkingDay(D("2026-10-10")));
        Assert.Equal(3, calendar.Schedules.Count);
        Assert.Same(moved, calendar.ScheduleFor(2026));
    }

    [Fact]
    public void WithYear_GapBetweenLoadedYears_CountsWeekendsOnlyAndIsProvisional()
    {
        var y2030 = YearSchedule.Create(2030, [new Holiday("元旦", D("2030-01-01"), D("2030-01-01"))], []).Value;
        var calendar = Official.WithYear(y2030);

        Assert.Equal(new CalendarDate(D("2028-03-02"), true), calendar.AddWorkingDays(D("2028-02-29"), 2));
        Assert.Equal(new CalendarDate(D("2030-01-02"), false), calendar.AddWorkingDays(D("2029-12-31"), 1));
        Assert.Equal(new CalendarDate(D("2030-01-02"), true), calendar.AddWorkingDays(D("2029-12-28"), 2));
    }

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void Explain_WorkingDaysAcrossNationalDay2026_ListsEverySkippedDayWithItsReason()
    {
        var explanation = Official.Explain(D("2026-09-30"), 5, PeriodUnit.Working);

        Assert.Equal(new CalendarDate(D("2026-10-13"), false), explanation.Result);
        var expected = Enumerable.Range(1, 7).Select(d => new SkippedDay(new DateOnly(2026, 10, d), "国庆节"))
            .Append(new SkippedDay(D("2026-10-11"), CalendarReasons.Weekend));
        Assert.Equal(expected, explanation.Skipped);
    }

    [Fact]
    [Trait("Source", "民法典 第二百零三条")]
    public void Explain_CalendarDaysEndingInAHoliday_ListsTheDaysRolledOver()
    {
        var explanation = Official.Explain(D("2026-09-24"), 7, PeriodUnit.Calendar);

        Assert.Equal(D("2026-10-08"), explanation.Result.Date);
        Assert.Equal(7, explanation.Skipped.Count);
        Assert.All(explanation.Skipped, s => Assert.Equal("国庆节", s.Reason));
    }

    [Fact]
    public void Explain_CalendarDaysEndingOnAWorkingDay_SkipsNothing()
    {
        var explanation = Official.Explain(D("2026-09-18"), 10, PeriodUnit.Calendar);

        Assert.Equal(D("2026-09-28"), explanation.Result.Date);
        Assert.Empty(explanation.Skipped);
    }

    [Theory]
    [InlineData("2026-10-08", 1, "2026-09-30")]
    [InlineData("2026-10-12", 1, "2026-10-10")] // make-up Saturday
    [InlineData("2026-10-12", 3, "2026-10-08")]
    [InlineData("2026-10-12", 0, "2026-10-12")]
    public void WorkingDaysBefore_AcrossHolidays_FindsTheEarlierWorkingDay(string date, int days, string expected)
    {
        Assert.Equal(D(expected), Official.WorkingDaysBefore(D(date), days));
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2026-01-01"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddCalendarDays(D("2026-01-01"), -1));
    }

    [Fact]
    public void Constructor_TwoSchedulesForOneYear_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([OfficialSchedules.All[0], OfficialSchedules.All[0]]));
    }

    [Fact]
    public void WeekendsOnly_AnyDate_CountsWeekdaysAndIsProvisional()
    {
        Assert.Equal(new CalendarDate(D("2026-10-05"), true), WorkingCalendar.WeekendsOnly.AddWorkingDays(D("2026-09-30"), 3));
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(D("2026-10-01")));
    }
}
