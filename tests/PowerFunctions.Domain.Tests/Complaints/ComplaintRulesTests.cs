using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.Domain.Tests.Complaints;

public sealed class ComplaintRulesTests
{
    [Theory]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    [InlineData("2026-09-14T10:00:00+08:00", "2026-09-17")] // Monday → Thursday: the day of receipt is not counted
    [InlineData("2026-09-14T23:59:00+08:00", "2026-09-17")]
    [InlineData("2026-09-14T16:30:00Z", "2026-09-18")] // 00:30 on Tuesday in China
    [InlineData("2026-09-16T09:00:00+08:00", "2026-09-21")] // Wednesday → Saturday, rolled to Monday
    [InlineData("2026-09-18T09:30:00+08:00", "2026-09-21")] // Friday → Monday
    [InlineData("2026-09-22T09:00:00+08:00", "2026-09-28")] // Tuesday → Friday 25th (holiday) → rolled past the weekend and the holidays
    public void AnswerDue_ReceivedAt_ThreeDaysLaterLastDayRolledToWorkingDay(string receivedAt, string expected)
    {
        var calendar = TestCalendars.Of(2026, [new Holiday("中秋节", new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27))], []);

        var due = ComplaintRules.AnswerDue(DateTimeOffset.Parse(receivedAt), calendar);

        Assert.Equal(DateOnly.Parse(expected), due.Date);
    }

    [Theory]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    [InlineData("2026-09-17T23:59:59+08:00", false)]
    [InlineData("2026-09-18T00:00:00+08:00", true)]
    [InlineData("2026-09-17T16:00:00Z", true)]
    public void IsOverdue_Now_FromTheDayAfterTheDueDate(string now, bool overdue)
    {
        Assert.Equal(overdue, ComplaintRules.IsOverdue(new DateOnly(2026, 9, 17), DateTimeOffset.Parse(now)));
    }
}
