using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Tests.Cases;

namespace PowerFunctions.Domain.Tests.Supervision;

public sealed class StageRulesTests
{
    private const string Source = "municipal 电子监察 rules (public)";
    private static readonly WorkingCalendar Calendar = OfficialSchedules.Calendar();

    [Theory]
    [Trait("Source", Source)]
    [InlineData("2026-09-18", "2026-09-22", 3, 3, false)] // make-up Sunday 9/20 counts: 9/20, 9/21, 9/22
    [InlineData("2026-09-18", "2026-09-23", 3, 4, true)]  // one working day over its own limit
    [InlineData("2026-09-24", "2026-09-30", 2, 3, true)]  // 中秋 9/25–27 skipped: 9/28, 9/29, 9/30
    [InlineData("2026-09-30", "2026-10-08", 1, 1, false)] // 国庆 10/1–7 skipped
    [InlineData("2026-09-18", "2026-12-31", 0, 70, false)] // no limit in the catalog: never an overrun
    [InlineData("2026-09-18", "2026-09-18", 1, 0, false)] // ended the day it began
    public void Check_EndedStage_OverrunWhenUsedExceedsItsLimit(string from, string to, int limit, int used, bool overrun)
    {
        var check = StageRules.Check(Calendar, "review", DateOnly.Parse(from), DateOnly.Parse(to), limit, DateOnly.Parse(to));

        Assert.Equal(used, check.UsedWorkingDays);
        Assert.Equal(overrun, check.Overrun);
    }

    [Fact]
    [Trait("Source", Source)]
    public void Check_RunningStage_MeasuredToToday()
    {
        var check = StageRules.Check(Calendar, "acceptance", new DateOnly(2026, 9, 18), null, 2, new DateOnly(2026, 9, 22));

        Assert.Null(check.EndedOn);
        Assert.Equal(3, check.UsedWorkingDays);
        Assert.True(check.Overrun);
    }

    [Fact]
    [Trait("Source", Source)]
    public void CaseStages_AcceptanceOverItsLimitButCaseOnTime_AcceptanceStageIsAViolation()
    {
        var terms = CaseFixture.Item() with { StageLimits = new StageLimits(1, 3, 2, 0, 2) };
        var f = new CaseFixture(terms);

        f.On(9, 23).Accept(); // 4 working days after receipt on 9/18 (9/20 is a make-up day); the acceptance stage allows 1

        var stages = PowerFunctions.Domain.Cases.CaseStages.Check(f.Case, f.Calendar, new DateOnly(2026, 9, 23));
        var acceptance = Assert.Single(stages, s => s.Stage == "acceptance");
        Assert.True(acceptance.Overrun);
        Assert.Equal(4, acceptance.UsedWorkingDays);
        var review = Assert.Single(stages, s => s.Stage == "review");
        Assert.False(review.Overrun);
        Assert.Null(review.EndedOn);
    }
}
