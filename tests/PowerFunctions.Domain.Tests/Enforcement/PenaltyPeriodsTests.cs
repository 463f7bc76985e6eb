using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyPeriodsTests
{
    [Theory]
    [Trait("Source", "行政处罚法 第八十五条")]
    [InlineData(2, PeriodUnit.Working)]
    [InlineData(3, PeriodUnit.Working)]
    [InlineData(5, PeriodUnit.Working)]
    [InlineData(7, PeriodUnit.Working)]
    [InlineData(15, PeriodUnit.Calendar)]
    [InlineData(90, PeriodUnit.Calendar)]
    [InlineData(1, PeriodUnit.Calendar)]
    [InlineData(10, PeriodUnit.Calendar)]
    public void UnitOf_TheLawsShortPeriods_AreWorkingDays(int days, PeriodUnit expected) =>
        Assert.Equal(expected, PenaltyPeriods.UnitOf(days));

    [Theory]
    [Trait("Source", "行政处罚法 第八十五条")]
    [InlineData("2026-09-24", 5, "2026-10-09")] // 中秋 and 国庆 skipped
    [InlineData("2026-09-28", 7, "2026-10-13")] // the make-up Saturday 10/10 counts
    [InlineData("2026-09-22", 15, "2026-10-08")] // the 15th calendar day 10/7 is a holiday: rolled (民法典 第二百零三条)
    [InlineData("2026-07-03", 90, "2026-10-08")] // day 90 is 10/1
    [InlineData("2026-09-01", 90, "2026-11-30")]
    [InlineData("2026-09-01", 2, "2026-09-03")]
    [InlineData("2026-09-24", 3, "2026-09-30")]
    public void End_CountsEachPeriodAsTheLawSays(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PenaltyPeriods.End(OfficialSchedules.Calendar(), DateOnly.Parse(from), days).Date);

    [Fact]
    [Trait("Source", "行政处罚法 第八十五条")]
    public void Periods_OfTheProcedure_AreTheStatutoryOnes()
    {
        Assert.Equal(PeriodUnit.Working, PenaltyPeriods.UnitOf(PenaltyPeriods.HearingRequestDays));
        Assert.Equal(PeriodUnit.Working, PenaltyPeriods.UnitOf(PenaltyPeriods.HearingNoticeDays));
        Assert.Equal(PeriodUnit.Working, PenaltyPeriods.UnitOf(PenaltyPeriods.DeliveryDays));
        Assert.Equal(PeriodUnit.Calendar, PenaltyPeriods.UnitOf(PenaltyPeriods.PaymentDays));
        Assert.Equal(PeriodUnit.Calendar, PenaltyPeriods.UnitOf(PenaltyPeriods.DecisionDays));
    }
}
