using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Cases;

public sealed class DecisionLimitUnitTests
{
    private static readonly WorkingCalendar Calendar = OfficialSchedules.Calendar();

    [Fact]
    [Trait("Source", "行政许可法 第八十二条")]
    public void DecisionLimit_WorkingDayItem_IsThePromisedWorkingDays() =>
        Assert.Equal(10, CaseDeadlines.DecisionLimitInWorkingDays(Calendar, CaseFixture.Item(promised: 10), new DateOnly(2026, 9, 18)));

    [Theory]
    [Trait("Source", "民法典 第二百零三条")]
    [InlineData("2026-09-18", 7, "2026-09-25")]  // 9/25 is 中秋: rolls to 9/28
    [InlineData("2026-09-24", 7, "2026-10-01")]  // 10/1 is 国庆: rolls to 10/8
    public void DecisionLimit_CalendarDayItem_EndsOnTheRolledCalendarDay(string acceptedOn, int days, string calendarEnd)
    {
        var terms = CaseFixture.Item(promised: days) with { LimitUnit = LimitUnit.Calendar };
        var accepted = DateOnly.Parse(acceptedOn);

        var working = CaseDeadlines.DecisionLimitInWorkingDays(Calendar, terms, accepted);

        Assert.Equal(Calendar.AddCalendarDays(accepted, days).Date, Calendar.AddWorkingDays(accepted, working).Date);
        Assert.True(Calendar.AddWorkingDays(accepted, working).Date > DateOnly.Parse(calendarEnd));
    }
}
