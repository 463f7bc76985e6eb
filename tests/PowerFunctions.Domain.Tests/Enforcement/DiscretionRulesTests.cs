using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.Domain.Tests.Enforcement;

public sealed class DiscretionRulesTests
{
    private static readonly DiscretionBenchmark Benchmark = PenaltyFixture.Benchmark();

    [Theory]
    [Trait("Source", "国办发〔2022〕27号")]
    [InlineData(Circumstance.Ordinary, 9999.99, DiscretionFit.OutsideTier)]
    [InlineData(Circumstance.Ordinary, 10000, DiscretionFit.AtEdge)]   // the tier's floor
    [InlineData(Circumstance.Ordinary, 12000, DiscretionFit.AtEdge)]   // within 5% of the 40,000 width
    [InlineData(Circumstance.Ordinary, 12000.01, DiscretionFit.Within)]
    [InlineData(Circumstance.Ordinary, 30000, DiscretionFit.Within)]
    [InlineData(Circumstance.Ordinary, 47999.99, DiscretionFit.Within)]
    [InlineData(Circumstance.Ordinary, 48000, DiscretionFit.AtEdge)]
    [InlineData(Circumstance.Ordinary, 50000, DiscretionFit.AtEdge)]   // 顶格
    [InlineData(Circumstance.Ordinary, 50000.01, DiscretionFit.OutsideTier)]
    [InlineData(Circumstance.Minor, 30000, DiscretionFit.OutsideTier)]
    [InlineData(Circumstance.Serious, 30000, DiscretionFit.OutsideTier)]
    [InlineData(Circumstance.FirstOffence, 3000, DiscretionFit.OutsideTier)] // first offence has no penalty tier
    public void Assess_AmountAgainstTheTierOfTheCircumstance(Circumstance circumstance, double amount, DiscretionFit expected) =>
        Assert.Equal(expected, DiscretionRules.Assess(Benchmark, circumstance, new Penalty(PenaltyType.Fine, (decimal)amount)));

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Assess_AnotherTypeThanTheTiers_IsOutside() =>
        Assert.Equal(DiscretionFit.OutsideTier, DiscretionRules.Assess(Benchmark, Circumstance.Minor, new Penalty(PenaltyType.Warning, 0)));

    [Theory]
    [Trait("Source", "国办发〔2022〕27号")]
    [InlineData(PenaltyType.Fine, 0, false)]
    [InlineData(PenaltyType.Fine, 0.01, true)]
    [InlineData(PenaltyType.Fine, 100000, true)]
    [InlineData(PenaltyType.Fine, 100000.01, false)]
    [InlineData(PenaltyType.Warning, 0, true)]
    [InlineData(PenaltyType.Warning, 100, false)]
    public void InLegalRange_NeverBeyondTheLaw(PenaltyType type, double amount, bool expected) =>
        Assert.Equal(expected, DiscretionRules.InLegalRange(Benchmark, new Penalty(type, (decimal)amount)));

    [Fact]
    [Trait("Source", "国办发〔2022〕27号")]
    public void Supervision_ShowsEdgeAndOutsidePenaltiesPerDepartment()
    {
        DecidedPenalty Decided(string caseNo, string department, decimal amount, DiscretionFit fit, int day) =>
            new(caseNo, department, "CF-1", Circumstance.Ordinary, new Penalty(PenaltyType.Fine, amount), fit, fit == DiscretionFit.OutsideTier ? "集体讨论：主动消除危害后果" : null, new DateOnly(2026, 9, day));

        var rows = DiscretionSupervision.ByDepartment(
        [
            Decided("C1", "D04", 30000, DiscretionFit.Within, 1),
            Decided("C2", "D04", 50000, DiscretionFit.AtEdge, 2),
            Decided("C3", "D04", 8000, DiscretionFit.OutsideTier, 3),
            Decided("C4", "D02", 20000, DiscretionFit.Within, 4),
        ]);

        Assert.Equal(["D02", "D04"], rows.Select(r => r.Department));
        var d04 = rows[1];
        Assert.Equal((3, 1, 1), (d04.Decided, d04.AtEdge, d04.OutsideTier));
        Assert.Equal(["C3", "C2"], d04.Flagged.Select(f => f.CaseNo));
        Assert.Empty(rows[0].Flagged);
    }
}
