using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests.Calendar;

/// <summary>Issue 16: a year's schedule is bounded and its overlap check is one sort, one message per offending holiday.</summary>
public sealed class YearScheduleLimitsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(YearSchedule.MaxHolidays, true)]
    [InlineData(YearSchedule.MaxHolidays + 1, false)]
    [InlineData(15_000, false)]
    public void Create_HolidayCount_BoundedBeforeAnyOtherCheck(int count, bool allowed)
    {
        var holidays = Enumerable.Range(0, count).Select(i => new Holiday("假", new DateOnly(2027, 1, 1).AddDays(i % 365), new DateOnly(2027, 1, 1).AddDays(i % 365))).ToList();

        var result = YearSchedule.Create(2027, holidays, []);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Equal(["holidays"], result.Error!.Errors!.Keys);
        }
    }

    [Fact]
    public void Create_TooManyMakeupDays_Refused()
    {
        var saturdays = Enumerable.Range(0, YearSchedule.MaxMakeupWorkdays + 1).Select(i => new DateOnly(2027, 1, 2).AddDays(7 * i)).ToList();

        var result = YearSchedule.Create(2027, [], saturdays);

        Assert.False(result.IsSuccess);
        Assert.Contains("makeupWorkdays", result.Error!.Errors!.Keys);
    }

    [Fact]
    public void Create_SixtyIdenticalHolidays_OneMessageEachCappedWithACount()
    {
        var holidays = Enumerable.Repeat(new Holiday("国庆节", D("2027-10-01"), D("2027-10-07")), YearSchedule.MaxHolidays).ToList();

        var result = YearSchedule.Create(2027, holidays, []);

        var errors = result.Error!.Errors!;
        Assert.Equal(YearSchedule.MaxOverlapMessages + 1, errors.Values.Sum(m => m.Length));
        Assert.Contains($"另有 {YearSchedule.MaxHolidays - 1 - YearSchedule.MaxOverlapMessages} 个", errors["holidays"][0], StringComparison.Ordinal);
        Assert.All(errors.Where(e => e.Key != "holidays"), e => Assert.Single(e.Value));
    }

    [Fact]
    public void Create_OverlapWithAnEarlierLongHoliday_NamedEvenPastAShortOne()
    {
        var result = YearSchedule.Create(
            2027,
            [new Holiday("长假", D("2027-10-01"), D("2027-10-10")), new Holiday("短", D("2027-10-02"), D("2027-10-02")), new Holiday("后", D("2027-10-05"), D("2027-10-06"))],
            []);

        Assert.Equal(["holidays[1]", "holidays[2]"], result.Error!.Errors!.Keys.Order());
        Assert.Contains("holidays[0]", result.Error!.Errors!["holidays[2]"][0], StringComparison.Ordinal);
    }
}
