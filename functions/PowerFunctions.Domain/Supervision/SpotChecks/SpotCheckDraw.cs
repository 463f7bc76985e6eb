namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>
/// A recorded draw: the period, the seed, the sample size, the population (its size and SHA-256, see
/// <see cref="SpotCheckSampler.PopulationSha256"/>), the weights used and the drawn cases (by case number). Anyone
/// holding the same population and the seed re-runs <see cref="SpotCheckSampler.Draw"/> and gets the same cases
/// (<see cref="SpotCheckSampler.Verify"/>).
/// </summary>
public sealed record SpotCheckDraw(
    string Period,
    long Seed,
    int SampleSize,
    int PopulationSize,
    string PopulationSha256,
    IReadOnlyDictionary<string, int> Weights,
    IReadOnlyList<SpotCheckPick> Picks);
