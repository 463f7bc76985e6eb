using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Domain.Tests.Supervision.Reports;

[Trait("Source", "seed 002 (周清月结季通报年考核)")]
public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-W39", ReportPeriodKind.Week, "2026-09-21", "2026-09-27")]
    [InlineData("2026-W01", ReportPeriodKind.Week, "2025-12-29", "2026-01-04")]
    [InlineData("2026-W53", ReportPeriodKind.Week, "2026-12-28", "2027-01-03")]
    [InlineData("2020-W53", ReportPeriodKind.Week, "2020-12-28", "2021-01-03")]
    [InlineData("2026-09", ReportPeriodKind.Month, "2026-09-01", "2026-09-30")]
    [InlineData("2026-02", ReportPeriodKind.Month, "2026-02-01", "2026-02-28")]
    [InlineData("2024-02", ReportPeriodKind.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2026-12", ReportPeriodKind.Month, "2026-12-01", "2026-12-31")]
    [InlineData("2026-Q1", ReportPeriodKind.Quarter, "2026-01-01", "2026-03-31")]
    [InlineData("2026-Q3", ReportPeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("2026-Q4", ReportPeriodKind.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("2026", ReportPeriodKind.Year, "2026-01-01", "2026-12-31")]
    public void Parse_EachForm_GivesItsChinaDates(string text, ReportPeriodKind kind, string from, string to)
    {
        var period = ReportPeriod.Parse(text);

        Assert.True(period.IsSuccess);
        Assert.Equal((kind, DateOnly.Parse(from), DateOnly.Parse(to), text), (period.Value.Kind, period.Value.From, period.Value.To, period.Value.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2026-W1")]
    [InlineData("2026-w39")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("2026-9")]
    [InlineData("2026-Q0")]
    [InlineData("2026-Q5")]
    [InlineData("26")]
    [InlineData("1999")]
    [InlineData("2100")]
    [InlineData("２０２６")]
    [InlineData(" 2026")]
    [InlineData("2026-09-01")]
    public void Parse_Other_IsInvalidPeriod(string? text)
    {
        var period = ReportPeriod.Parse(text);

        Assert.False(period.IsSuccess);
        Assert.Equal("report.invalid_period", period.Error.Code);
        Assert.Equal(ErrorKind.Validation, period.Error.Kind);
    }

    [Fact]
    public void ClosesAt_AWeek_ClosesAtMidnightBeginningTheMondayAfter_ChinaTime()
    {
        var week = ReportPeriod.Parse("2026-W39").Value;

        Assert.Equal(new DateTimeOffset(2026, 9, 28, 0, 0, 0, ChinaTime.Offset), week.ClosesAt);
        Assert.False(week.IsClosedAt(new DateTimeOffset(2026, 9, 27, 23, 59, 59, ChinaTime.Offset)));
        Assert.True(week.IsClosedAt(new DateTimeOffset(2026, 9, 27, 16, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-09-28", "2026-W39")]                 // a Monday
    [InlineData("2026-10-01", "2026-09,2026-Q3")]          // a Thursday, 1 October
    [InlineData("2026-11-01", "2026-10")]                  // a Sunday
    [InlineData("2027-01-01", "2026-12,2026-Q4,2026")]     // a Friday: week 2026-W53 is still running
    [InlineData("2027-01-04", "2026-W53")]                 // the Monday after
    [InlineData("2026-09-29", "")]
    public void ClosingOn_Day_NamesThePeriodsItsClosingTimerStores(string day, string expected)
    {
        var closing = ReportPeriod.ClosingOn(DateOnly.Parse(day)).Select(p => p.Code);

        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), closing);
    }

    [Theory]
    [InlineData("2026-01-01", ReportPeriodKind.Week, "2026-W01")]
    [InlineData("2025-12-29", ReportPeriodKind.Week, "2026-W01")]
    [InlineData("2027-01-03", ReportPeriodKind.Week, "2026-W53")]
    [InlineData("2026-08-15", ReportPeriodKind.Quarter, "2026-Q3")]
    public void Containing_Date_IsThePeriodHoldingIt(string date, ReportPeriodKind kind, string code)
    {
        var period = ReportPeriod.Containing(kind, DateOnly.Parse(date));

        Assert.Equal(code, period.Code);
        Assert.True(period.Contains(DateOnly.Parse(date)));
    }

    [Fact]
    public void Weeks_CoverEveryDayOnce_2024To2026()
    {
        var day = ReportPeriod.Week(2024, 1).From;
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            for (var w = 1; w <= System.Globalization.ISOWeek.GetWeeksInYear(year); w++)
            {
                var week = ReportPeriod.Week(year, w);
                Assert.Equal(day, week.From);
                Assert.Equal(7, week.Days);
                day = week.To.AddDays(1);
            }
        }
    }
}
