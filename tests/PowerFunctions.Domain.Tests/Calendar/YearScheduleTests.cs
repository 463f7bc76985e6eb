using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Calendar;

public sealed class YearScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Create_ValidSchedule_SortsHolidaysAndMakeupDays()
    {
        var result = YearSchedule.Create(
            2027,
            [new Holiday("国庆节", D("2027-10-01"), D("2027-10-07")), new Holiday("元旦", D("2027-01-01"), D("2027-01-01"))],
            [D("2027-10-09"), D("2027-09-26")]);

        Assert.True(result.IsSuccess);
        Assert.Equal(["元旦", "国庆节"], result.Value.Holidays.Select(h => h.Name));
        Assert.Equal([D("2027-09-26"), D("2027-10-09")], result.Value.MakeupWorkdays);
    }

    [Fact]
    public void Create_OverlappingHolidays_IsRefused()
    {
        var result = YearSchedule.Create(
            2027,
            [new Holiday("中秋节", D("2027-09-15"), D("2027-09-17")), new Holiday("其他", D("2027-09-17"), D("2027-09-18"))],
            []);

        Assert.False(result.IsSuccess);
        Assert.Equal("calendar.invalid_schedule", result.Error.Code);
        Assert.Contains("holidays[1]", result.Error.Errors!.Keys);
        Assert.Contains("重叠", result.Error.Errors["holidays[1]"][0]);
    }

    [Theory]
    [InlineData("2027-10-13")] // a Wednesday
    [InlineData("2027-10-15")] // a Friday
    public void Create_MakeupDayOnAWeekday_IsRefused(string day)
    {
        var result = YearSchedule.Create(2027, [], [D(day)]);

        Assert.False(result.IsSuccess);
        Assert.Contains("不是周六或周日", result.Error.Errors!["makeupWorkdays[0]"][0]);
    }

    [Fact]
    public void Create_ManyProblems_ListsEveryProblemAtOnce()
    {
        var result = YearSchedule.Create(
            2027,
            [
                new Holiday("元旦", D("2026-12-31"), D("2027-01-01")),     // starts outside the year
                new Holiday("", D("2027-05-05"), D("2027-05-01")),         // no name, from > to
                new Holiday("国庆节", D("2027-10-01"), D("2027-10-07")),
                new Holiday("中秋节", D("2027-10-07"), D("2027-10-08")),   // overlaps 国庆节
            ],
            [
                D("2027-10-13"),   // weekday
                D("2028-01-08"),   // outside the year (a Saturday)
                D("2027-10-02"),   // inside 国庆节 (a Saturday)
                D("2027-09-26"),
                D("2027-09-26"),   // duplicate
            ]);

        Assert.False(result.IsSuccess);
        var errors = result.Error.Errors!;
        Assert.Contains("holidays[0].from", errors.Keys);
        Assert.Contains("holidays[1].name", errors.Keys);
        Assert.Contains("holidays[1]", errors.Keys);
        Assert.Contains("holidays[3]", errors.Keys);
        Assert.Contains("makeupWorkdays[0]", errors.Keys);
        Assert.Contains("makeupWorkdays[1]", errors.Keys);
        Assert.Contains("makeupWorkdays[2]", errors.Keys);
        Assert.Contains("makeupWorkdays[4]", errors.Keys);
        Assert.DoesNotContain("makeupWorkdays[3]", errors.Keys);
        Assert.Contains("重复", errors["makeupWorkdays[4]"][0]);
        Assert.Contains("国庆节", errors["makeupWorkdays[2]"][0]);
        Assert.Contains("不在 2027 年内", errors["makeupWorkdays[1]"][0]);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2201)]
    public void Create_YearOutOfRange_IsRefused(int year)
    {
        var result = YearSchedule.Create(year, [], []);

        Assert.False(result.IsSuccess);
        Assert.Contains("year", result.Error.Errors!.Keys);
    }

    [Fact]
    public void Json_RoundTrip_KeepsTheSchedule()
    {
        foreach (var schedule in OfficialSchedules.All)
        {
            var json = YearScheduleJson.Write(schedule);
            Assert.Contains("国庆", json);
            Assert.Equal(schedule, YearScheduleJson.Parse(json).Value);
        }
    }

    [Theory]
    [InlineData("""{"holidays":[{"name":"元旦","from":"2027-1-1","to":"2027-01-01"}],"makeupWorkdays":["x"]}""", "holidays[0].from")]
    [InlineData("""{"holidays":{},"makeupWorkdays":[]}""", "holidays")]
    public void Json_BadDates_AreListed(string json, string key)
    {
        var result = YearScheduleJson.Parse(json, 2027);

        Assert.False(result.IsSuccess);
        Assert.Contains(key, result.Error.Errors!.Keys);
    }

    [Fact]
    public void Json_YearDisagreesWithTheOneExpected_IsRefused()
    {
        Assert.False(YearScheduleJson.Parse("""{"year":2026,"holidays":[],"makeupWorkdays":[]}""", 2027).IsSuccess);
    }

    [Fact]
    public void Json_BadFormatAndBadSchedule_AreListedTogether()
    {
        const string json = """
            {"holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07"},{"name":"中秋节","from":"2027-10-07","to":"2027-10-08"},{"name":"","from":"2027-02-x","to":"2027-02-10"}],
             "makeupWorkdays":["2027-10-13","bad"]}
            """;

        var result = YearScheduleJson.Parse(json, 2027);

        Assert.Equal(
            ["holidays[1]", "holidays[2].from", "holidays[2].name", "makeupWorkdays[0]", "makeupWorkdays[1]"],
            result.Error!.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Json_MissingLists_AreRefused()
    {
        var result = YearScheduleJson.Parse("{}", 2027);

        Assert.Equal(["holidays", "makeupWorkdays"], result.Error!.Errors!.Keys.Order(StringComparer.Ordinal));
    }
}
