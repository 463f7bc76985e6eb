using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
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
    public void ExplanationDue_ReachedAt_ThreeDaysLaterLastDayRolledToWorkingDay(string reachedAt, string expected)
    {
        var calendar = TestCalendars.Of(2026, [new Holiday("中秋节", new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27))], []);

        var due = ComplaintRules.ExplanationDue(calendar, ChinaTime.DateOf(DateTimeOffset.Parse(reachedAt)), ComplaintLimits.Defaults.TermsFor(ComplaintCategory.Consultation));

        Assert.Equal(DateOnly.Parse(expected), due.Date);
    }
}
