using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Catalog;

public sealed class DiscretionBenchmarkRulesTests
{
    private static IReadOnlyDictionary<string, string[]> Problems(PowerItem item) =>
        PowerItem.CreateDraft(item, CatalogSamples.Now).Value.PublishingProblems();

    private static PowerItem WithTiers(params DiscretionTier[] tiers) =>
        PenaltyItems.Draft() with { Discretion = PenaltyItems.Draft().Discretion! with { Tiers = tiers } };

    private static DiscretionTier Tier(Circumstance circumstance, decimal min, decimal max, PenaltyType type = PenaltyType.Fine, string conditions = "情形") =>
        new() { Circumstance = circumstance, Type = type, Minimum = min, Maximum = max, Conditions = conditions };

    [Fact]
    [Trait("Source", "行政处罚法 第三十四条; 国办发〔2022〕27号")]
    public void Publish_PenaltyWithItsBenchmark_Allowed() => Assert.Empty(Problems(PenaltyItems.Draft()));

    [Fact]
    [Trait("Source", "行政处罚法 第三十四条; 国办发〔2022〕27号")]
    public void Publish_PenaltyWithoutBenchmark_Refused() =>
        Assert.Contains("discretion", Problems(PenaltyItems.Draft() with { Discretion = null }).Keys);

    [Fact]
    [Trait("Source", "行政处罚法 第三十四条")]
    public void Publish_LicensingWithABenchmark_Refused() =>
        Assert.Contains("discretion", Problems(CatalogSamples.Drainage() with { Discretion = PenaltyItems.Draft().Discretion }).Keys);

    [Fact]
    [Trait("Source", "行政处罚法 第三十四条")]
    public void Publish_BenchmarkWithoutItsPublishedSource_Refused() =>
        Assert.Contains("discretion.source", Problems(PenaltyItems.Draft() with { Discretion = PenaltyItems.Draft().Discretion! with { Source = " " } }).Keys);

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Publish_MissingOrDoubledCircumstance_Refused()
    {
        var problems = Problems(WithTiers(Tier(Circumstance.Minor, 2000, 10000), Tier(Circumstance.Minor, 10000, 50000)));

        Assert.Equal(3, problems["discretion.tiers"].Length); // minor twice, ordinary missing, serious missing
        Assert.Contains(problems["discretion.tiers"], m => m.Contains("严重", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Publish_FirstOffenceAsATier_Refused() =>
        Assert.Contains("discretion.tiers[3].circumstance", Problems(WithTiers(Tier(Circumstance.Minor, 2000, 10000), Tier(Circumstance.Ordinary, 10000, 50000), Tier(Circumstance.Serious, 50000, 100000), Tier(Circumstance.FirstOffence, 0, 0))).Keys);

    [Theory]
    [Trait("Source", "国办发〔2022〕27号")]
    [InlineData(2000, 10000, 10000, 50000, 50000, 100000, null)]       // boundaries shared: allowed (以上、以下 包括本数)
    [InlineData(2000, 10000, 9000, 50000, 50000, 100000, "discretion.tiers")] // minor and ordinary overlap
    [InlineData(2000, 10000, 10000, 50000, 50000, 120000, "discretion.tiers[2]")] // beyond the legal maximum
    [InlineData(2000, 10000, 60000, 50000, 50000, 100000, "discretion.tiers[1]")] // minimum above maximum
    [InlineData(0, 0, 10000, 50000, 50000, 100000, "discretion.tiers[0]")]  // a fine tier of nothing
    public void Publish_TiersStayInTheLawAndRise(double minLo, double minHi, double ordLo, double ordHi, double serLo, double serHi, string? field)
    {
        var problems = Problems(WithTiers(Tier(Circumstance.Minor, (decimal)minLo, (decimal)minHi), Tier(Circumstance.Ordinary, (decimal)ordLo, (decimal)ordHi), Tier(Circumstance.Serious, (decimal)serLo, (decimal)serHi)));

        if (field is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(field, problems.Keys);
        }
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号; 行政处罚法 第九条")]
    public void Publish_HeavierCircumstanceWithALighterKind_Refused()
    {
        var problems = Problems(WithTiers(Tier(Circumstance.Minor, 2000, 10000), Tier(Circumstance.Ordinary, 0, 0, PenaltyType.Warning), Tier(Circumstance.Serious, 50000, 100000)));

        Assert.Contains(problems["discretion.tiers"], m => m.Contains("轻于", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Publish_TierWithoutConditionsOrWarningWithAnAmount_Refused()
    {
        var problems = Problems(WithTiers(Tier(Circumstance.Minor, 0, 100, PenaltyType.Warning), Tier(Circumstance.Ordinary, 10000, 50000, conditions: ""), Tier(Circumstance.Serious, 50000, 100000)));

        Assert.Contains("discretion.tiers[0]", problems.Keys);
        Assert.Contains("discretion.tiers[1].conditions", problems.Keys);
    }

    [Fact]
    [Trait("Source", "行政处罚法 第六十三条; 第五十八条")]
    public void Publish_HearingThresholdsMissingOrMajorAmountBeyondTheLaw_Refused()
    {
        var benchmark = PenaltyItems.Draft().Discretion! with { LargeAmountForPerson = null, LargeAmountForOrganisation = 0, MajorAmount = 200000 };

        var problems = Problems(PenaltyItems.Draft() with { Discretion = benchmark });

        Assert.Contains("discretion.largeAmountForPerson", problems.Keys);
        Assert.Contains("discretion.largeAmountForOrganisation", problems.Keys);
        Assert.Contains("discretion.majorAmount", problems.Keys);
    }
}
