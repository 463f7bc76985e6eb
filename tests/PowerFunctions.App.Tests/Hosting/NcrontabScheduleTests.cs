using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Hosting;

public sealed class NcrontabScheduleTests
{
    [Theory]
    [InlineData("0 */1 * * * *", "2026-09-18T01:30:15Z", "2026-09-18T01:31:00Z")]
    [InlineData("0 */1 * * * *", "2026-09-18T01:30:00Z", "2026-09-18T01:31:00Z")]
    [InlineData("* * * * * *", "2026-09-18T01:30:00.500Z", "2026-09-18T01:30:01Z")]
    [InlineData("*/15 * * * * *", "2026-09-18T01:30:14Z", "2026-09-18T01:30:15Z")]
    [InlineData("0 0 * * * *", "2026-09-18T01:30:00Z", "2026-09-18T02:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-09-18T09:30:00Z", "2026-09-21T09:30:00Z")]
    [InlineData("0 30 9 * * Mon-Fri", "2026-09-19T00:00:00Z", "2026-09-21T09:30:00Z")]
    [InlineData("0 0 0 1 1 *", "2026-09-18T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 5,10,15 * * * *", "2026-09-18T01:10:00Z", "2026-09-18T01:15:00Z")]
    [InlineData("0 0 8-10/2 * * *", "2026-09-18T08:00:00Z", "2026-09-18T10:00:00Z")]
    [InlineData("0 0 0 * * 0", "2026-09-18T00:00:00Z", "2026-09-20T00:00:00Z")]
    [InlineData("0 0 0 * * 7", "2026-09-18T00:00:00Z", "2026-09-20T00:00:00Z")]
    [InlineData("0 0 0 * Dec *", "2026-09-18T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("30 5/20 * * * *", "2026-09-18T01:45:31Z", "2026-09-18T02:05:30Z")]
    public void Next_Schedule_FirstOccurrenceAfter(string expression, string after, string expected)
    {
        var schedule = NcrontabSchedule.Parse(expression);

        Assert.Equal(DateTimeOffset.Parse(expected), schedule.Next(DateTimeOffset.Parse(after)));
    }

    [Theory]
    [InlineData("* * * * *", "six")]
    [InlineData("60 * * * * *", "second")]
    [InlineData("* 60 * * * *", "minute")]
    [InlineData("* * 24 * * *", "hour")]
    [InlineData("* * * 0 * *", "day")]
    [InlineData("* * * * 13 *", "month")]
    [InlineData("* * * * * 8", "day-of-week")]
    [InlineData("*/0 * * * * *", "step")]
    [InlineData("5-1 * * * * *", "backwards")]
    [InlineData("a * * * * *", "second")]
    [InlineData("1,,2 * * * * *", "empty")]
    public void Parse_BadExpression_FormatExceptionNamesTheField(string expression, string expected)
    {
        var e = Assert.Throws<FormatException>(() => NcrontabSchedule.Parse(expression));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_Impossible_Throws()
    {
        var schedule = NcrontabSchedule.Parse("0 0 0 31 2 *");

        Assert.Throws<InvalidOperationException>(() => schedule.Next(DateTimeOffset.Parse("2026-01-01T00:00:00Z")));
    }
}
