using FsCheck;
using FsCheck.Fluent;
using PowerFunctions.Domain.Supervision.SpotChecks;

namespace PowerFunctions.Domain.Tests.Supervision.SpotChecks;

[Trait("Source", "seed 003 (风险等级)")]
public sealed class SpotCheckSamplerTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>A population of <paramref name="a"/> A cases, <paramref name="b"/> B and <paramref name="c"/> C, over three departments.</summary>
    internal static List<SpotCheckCandidate> Population(int a, int b, int c)
    {
        var list = new List<SpotCheckCandidate>();
        var n = 0;
        foreach (var (level, count) in new[] { ("A", a), ("B", b), ("C", c) })
        {
            for (var i = 0; i < count; i++, n++)
            {
                list.Add(new SpotCheckCandidate($"D0{(n % 3) + 1}-20260915-{n:000000}", $"D0{(n % 3) + 1}", $"XK-{level}-{i % 4}", level));
            }
        }

        return list;
    }

    [Fact]
    public void Weights_AreFourTwoOne()
    {
        Assert.Equal(new Dictionary<string, int> { ["A"] = 4, ["B"] = 2, ["C"] = 1 }, SpotCheckSampler.Weights);
    }

    [Fact]
    public void Draw_SameSeedAndPopulation_SameCases_WhateverTheInputOrder()
    {
        var population = Population(10, 20, 70);

        var first = SpotCheckSampler.Draw("2026-09", population, 10, 20260930).Value;
        var again = SpotCheckSampler.Draw("2026-09", [.. Enumerable.Reverse(population)], 10, 20260930).Value;

        Assert.Equal(first.Picks.Select(p => p.CaseNo), again.Picks.Select(p => p.CaseNo));
        Assert.Equal(first.PopulationSha256, again.PopulationSha256);
        Assert.NotEqual(first.Picks.Select(p => p.CaseNo), SpotCheckSampler.Draw("2026-09", population, 10, 20260931).Value.Picks.Select(p => p.CaseNo));
    }

    [Fact]
    public void Draw_RecordsSeedSizeAndPopulation_AndVerifies()
    {
        var population = Population(10, 20, 70);

        var draw = SpotCheckSampler.Draw("2026-09", population, 10, 42).Value;

        Assert.Equal(("2026-09", 42L, 10, 100), (draw.Period, draw.Seed, draw.SampleSize, draw.PopulationSize));
        Assert.Equal(64, draw.PopulationSha256.Length);
        Assert.True(SpotCheckSampler.Verify(draw, population).IsSuccess);
    }

    [Fact]
    public void Verify_ChangedPopulationOrPicks_IsNotReproduced()
    {
        var population = Population(10, 20, 70);
        var draw = SpotCheckSampler.Draw("2026-09", population, 10, 42).Value;

        Assert.Equal("spot_check.not_reproduced", SpotCheckSampler.Verify(draw, population.Skip(1).ToList()).Error!.Code);
        var forged = draw with { Picks = [.. draw.Picks.Skip(1), new SpotCheckPick(population.First(c => draw.Picks.All(p => p.CaseNo != c.CaseNo)), 1, 0.1)] };
        Assert.Equal("spot_check.not_reproduced", SpotCheckSampler.Verify(forged, population).Error!.Code);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, "population")]
    [InlineData(1, 1, 1, 0, "sampleSize")]
    [InlineData(1, 1, 1, 4, "sampleSize")]
    public void Validate_BadSizes_AreRefused(int a, int b, int c, int n, string field)
    {
        var error = SpotCheckSampler.Draw("2026-09", Population(a, b, c), n, 1).Error!;

        Assert.Equal("spot_check.validation_failed", error.Code);
        Assert.Contains(field, error.Errors!.Keys);
    }

    [Fact]
    public void Validate_UnknownRiskOrDuplicateCase_IsRefused()
    {
        var population = Population(2, 0, 2);

        Assert.False(SpotCheckSampler.Draw("2026-09", [.. population, population[0] with { RiskLevel = "D", CaseNo = "X-1" }], 1, 1).IsSuccess);
        Assert.False(SpotCheckSampler.Draw("2026-09", [.. population, population[0]], 1, 1).IsSuccess);
    }

    [Fact]
    public void Draw_AnySeedAndSize_ExactlyThatManyDistinctCasesFromThePopulation()
    {
        var population = Population(7, 13, 41);
        var gen = from seed in ArbMap.Default.GeneratorFor<long>()
                  from n in Gen.Choose(1, population.Count)
                  select (seed, n);
        Check.One(Runs, Prop.ForAll(Arb.From(gen), x =>
        {
            var picks = SpotCheckSampler.Draw("2026-09", population, x.n, x.seed).Value.Picks;
            return picks.Count == x.n
                && picks.Select(p => p.CaseNo).Distinct().Count() == x.n
                && picks.All(p => population.Contains(p.Candidate));
        }));
    }

    [Fact]
    public void Systematic_OverEveryStart_IncludesEachCaseExactlyInProportionToItsWeight()
    {
        // The proof that inclusion probability is n·w/W: for one order, each start u in [0, W) draws case i for exactly n·wᵢ values of u.
        var order = Population(3, 5, 9);
        const long n = 2;
        var total = order.Sum(c => (long)SpotCheckSampler.Weights[c.RiskLevel]); // 12 + 10 + 9 = 31, every n·w < 31
        var times = order.ToDictionary(c => c.CaseNo, _ => 0L);
        for (long u = 0; u < total; u++)
        {
            var drawn = SpotCheckSampler.Systematic(order, n, total, u);
            Assert.Equal(n, drawn.Count);
            foreach (var c in drawn)
            {
                times[c.CaseNo]++;
            }
        }

        Assert.All(order, c => Assert.Equal(n * SpotCheckSampler.Weights[c.RiskLevel], times[c.CaseNo]));
    }

    [Theory]
    [InlineData(10, 20, 70, 10)]    // W = 40 + 40 + 70 = 150: A 40/150, C 10/150
    [InlineData(1, 0, 100, 10)]     // one A case: 40/104 against 10/104
    public void InclusionProbability_SmallSample_AIsFourTimesC(int a, int b, int c, int n)
    {
        var p = SpotCheckSampler.InclusionProbability(Population(a, b, c), n);

        Assert.Equal(4 * p["C"].Numerator * p["A"].Denominator, p["A"].Numerator * p["C"].Denominator);
    }

    [Fact]
    public void InclusionProbability_LargeSample_EveryACaseIsCertain()
    {
        // 10 A and 10 C, 13 drawn: 13·4 ≥ 50, so the A cases are taken with certainty and 3 of the 10 C drawn
        var p = SpotCheckSampler.InclusionProbability(Population(10, 0, 10), 13);

        Assert.Equal((1L, 1L), p["A"]);
        Assert.Equal((3L, 10L), p["C"]);
        var draw = SpotCheckSampler.Draw("2026-09", Population(10, 0, 10), 13, 5).Value;
        Assert.Equal(10, draw.Picks.Count(x => x.Candidate.RiskLevel == "A"));
        Assert.All(draw.Picks.Where(x => x.Candidate.RiskLevel == "A"), x => Assert.Equal(1.0, x.InclusionProbability));
    }

    [Fact]
    public void InclusionProbability_AnyPopulation_AAtLeastTwiceC_WhileACCaseIsAtMostEvenOdds()
    {
        var gen = from a in Gen.Choose(1, 40)
                  from b in Gen.Choose(0, 40)
                  from c in Gen.Choose(1, 80)
                  from n in Gen.Choose(1, a + b + c)
                  select (a, b, c, n);
        Check.One(Runs, Prop.ForAll(Arb.From(gen), x =>
        {
            var p = SpotCheckSampler.InclusionProbability(Population(x.a, x.b, x.c), x.n);
            var (cn, cd) = p["C"];
            var (an, ad) = p["A"];
            var cAtMostHalf = 2 * cn <= cd;
            return !cAtMostHalf || an * cd >= 2 * cn * ad;
        }));
    }

    [Fact]
    public void Draw_OverAThousandSeeds_AnACaseIsDrawnAtLeastTwiceAsOftenAsACCase()
    {
        var population = Population(10, 20, 70);
        var timesByLevel = new Dictionary<string, int> { ["A"] = 0, ["B"] = 0, ["C"] = 0 };
        for (var seed = 1L; seed <= 1000; seed++)
        {
            foreach (var pick in SpotCheckSampler.Draw("2026-09", population, 10, seed).Value.Picks)
            {
                timesByLevel[pick.Candidate.RiskLevel]++;
            }
        }

        var perA = timesByLevel["A"] / 10.0 / 1000;   // expected 40/150 = 0.267
        var perC = timesByLevel["C"] / 70.0 / 1000;   // expected 10/150 = 0.067
        Assert.True(perA >= 2 * perC, $"A {perA:F3} per case, C {perC:F3}");
        Assert.InRange(perA / perC, 3.5, 4.5);
    }
}
