using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.SpotChecks;

namespace PowerFunctions.App.Features.Supervision.SpotChecks;

/// <summary>
/// A draw as <c>POST /api/supervision/spot-checks</c> answers it: <c>{id, period, seed, sampleSize, populationSize,
/// populationSha256, weights, cases:[{caseNo, department, itemCode, riskLevel, weight, inclusionProbability, result?}],
/// drawnBy, drawnAt}</c>. Re-running <c>SpotCheckSampler.Draw</c> on the same population with <c>seed</c> gives the same cases.
/// </summary>
public sealed record SpotCheckView(
    string Id,
    string Period,
    long Seed,
    int SampleSize,
    int PopulationSize,
    string PopulationSha256,
    IReadOnlyDictionary<string, int> Weights,
    IReadOnlyList<SpotCheckCaseView> Cases,
    string DrawnBy,
    DateTimeOffset DrawnAt)
{
    public static SpotCheckView Of(SpotCheck c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var d = c.Draw;
        return new(c.Id, d.Period, d.Seed, d.SampleSize, d.PopulationSize, d.PopulationSha256, d.Weights,
            [.. d.Picks.Select(p => SpotCheckCaseView.Of(p, c.Results.FirstOrDefault(r => r.CaseNo == p.CaseNo)))], c.DrawnBy, ChinaTime.InChina(c.DrawnAt));
    }
}
