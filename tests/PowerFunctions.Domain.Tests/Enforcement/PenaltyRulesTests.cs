using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class PenaltyRulesTests
{
    private static readonly DiscretionBenchmark Benchmark = PenaltyFixture.Benchmark();

    [Theory]
    [Trait("Source", "行政处罚法 第六十三条")]
    [InlineData(true, PenaltyType.Fine, 49999.99, false)]
    [InlineData(true, PenaltyType.Fine, 50000, true)]
    [InlineData(false, PenaltyType.Fine, 4999, false)]
    [InlineData(false, PenaltyType.Fine, 5000, true)]
    [InlineData(true, PenaltyType.ConfiscateGains, 50000, true)]
    [InlineData(true, PenaltyType.Warning, 0, false)]
    [InlineData(true, PenaltyType.RevokeLicence, 0, true)]
    [InlineData(true, PenaltyType.DowngradeQualification, 0, true)]
    [InlineData(true, PenaltyType.SuspendProduction, 0, true)]
    [InlineData(true, PenaltyType.Close, 0, true)]
    [InlineData(false, PenaltyType.RestrictPractice, 0, true)]
    [InlineData(false, PenaltyType.Detention, 0, false)]
    public void HearingAvailable_LargeAmountsAndHeavyPenalties(bool organisation, PenaltyType type, double amount, bool expected) =>
        Assert.Equal(expected, PenaltyRules.HearingAvailable(Benchmark, organisation ? PenaltyFixture.Company : PenaltyFixture.Person, new Penalty(type, (decimal)amount)));

    [Theory]
    [Trait("Source", "行政处罚法 第四十四条, 第四十五条")]
    [InlineData(PenaltyType.Fine, 30000, PenaltyType.Fine, 30000, false)]
    [InlineData(PenaltyType.Fine, 29999, PenaltyType.Fine, 30000, false)]
    [InlineData(PenaltyType.Fine, 30001, PenaltyType.Fine, 30000, true)]
    [InlineData(PenaltyType.Warning, 0, PenaltyType.Fine, 30000, false)]   // a lighter kind
    [InlineData(PenaltyType.RevokeLicence, 0, PenaltyType.Fine, 100000, true)] // a heavier kind
    [InlineData(PenaltyType.ConfiscateGains, 1000, PenaltyType.Fine, 30000, true)] // not what was notified
    [InlineData(PenaltyType.PublicCriticism, 0, PenaltyType.Warning, 0, true)]
    public void IsHeavier_ByKindThenAmount(PenaltyType candidate, double amount, PenaltyType reference, double referenceAmount, bool expected) =>
        Assert.Equal(expected, PenaltyRules.IsHeavier(new Penalty(candidate, (decimal)amount), new Penalty(reference, (decimal)referenceAmount)));

    [Theory]
    [Trait("Source", "行政处罚法 第七十二条")]
    [InlineData("2026-10-13", 0)]       // on the due date
    [InlineData("2026-10-12", 0)]
    [InlineData("2026-10-14", 900)]     // 1 day: 3% of 30,000
    [InlineData("2026-10-15", 1800)]
    [InlineData("2026-11-15", 29700)]   // 33 days: 99%
    [InlineData("2026-11-16", 30000)]   // 34 days: capped at the fine
    public void LateSurcharge_ThreePercentADayCappedAtTheFine(string paidOn, double expected) =>
        Assert.Equal((decimal)expected, PenaltyRules.LateSurcharge(new Penalty(PenaltyType.Fine, 30000), new DateOnly(2026, 10, 13), DateOnly.Parse(paidOn)));

    [Fact]
    [Trait("Source", "行政处罚法 第七十二条")]
    public void LateSurcharge_OnlyForFines() =>
        Assert.Equal(0m, PenaltyRules.LateSurcharge(new Penalty(PenaltyType.ConfiscateGains, 30000), new DateOnly(2026, 10, 13), new DateOnly(2026, 11, 1)));

    [Theory]
    [Trait("Source", "行政处罚法 第三十六条")]
    [InlineData(false, "2026-08-28")]
    [InlineData(true, "2029-08-28")]
    public void LimitationEnds_TwoYearsOrFive(bool extended, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PenaltyRules.LimitationEnds(new DateOnly(2024, 8, 28), extended));

    [Theory]
    [Trait("Source", "行政处罚法 第五十八条; 国办发〔2018〕118号")]
    [InlineData(false, 59999, false, false)]
    [InlineData(false, 60000, false, true)]   // the item's major amount
    [InlineData(true, 1000, false, true)]     // the item is on the major list
    [InlineData(false, 1000, true, true)]     // a hearing was held (第五十八条(二))
    public void LegalReviewRequired_MajorItemAmountOrHearing(bool majorItem, double amount, bool hearingHeld, bool expected) =>
        Assert.Equal(expected, PenaltyRules.LegalReviewRequired(PenaltyFixture.Benchmark(major: majorItem), new Penalty(PenaltyType.Fine, (decimal)amount), hearingHeld));

    [Theory]
    [Trait("Source", "行政处罚法 第五十七条第二款; 国办发〔2022〕27号")]
    [InlineData(false, Circumstance.Ordinary, 30000, DiscretionFit.Within, false)]
    [InlineData(true, Circumstance.Ordinary, 30000, DiscretionFit.Within, true)]
    [InlineData(false, Circumstance.Serious, 55000, DiscretionFit.Within, true)]
    [InlineData(false, Circumstance.Ordinary, 8000, DiscretionFit.OutsideTier, true)]
    [InlineData(false, Circumstance.Ordinary, 60000, DiscretionFit.OutsideTier, true)]
    public void CollectiveDecisionRequired_ItemSeriousMajorOrDeparture(bool itemRequires, Circumstance circumstance, double amount, DiscretionFit fit, bool expected) =>
        Assert.Equal(expected, PenaltyRules.CollectiveDecisionRequired(PenaltyFixture.Terms0(collective: itemRequires), circumstance, new Penalty(PenaltyType.Fine, (decimal)amount), fit));
}
