namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>A record and its corrections, in order: <see cref="Original"/> first, <see cref="Current"/> (in force) last.</summary>
public sealed record AccountabilityChain(IReadOnlyList<AccountabilityRecord> Records)
{
    public AccountabilityRecord Original => Records[0];

    public AccountabilityRecord Current => Records[^1];

    public bool Corrected => Records.Count > 1;

    /// <summary>True when the last correction withdrew the measure.</summary>
    public bool Withdrawn => Current.Measure == AccountabilityMeasure.Withdrawn;
}
