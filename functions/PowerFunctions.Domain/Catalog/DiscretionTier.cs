namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// One tier of an item's discretion benchmark (裁量基准): for <see cref="Circumstance"/> (described by
/// <see cref="Conditions"/>, the 适用情形), a penalty of <see cref="Type"/> between <see cref="Minimum"/>
/// and <see cref="Maximum"/> yuan, both included (以上、以下 包括本数, 民法典 第一千二百五十九条); 0 and 0
/// for a type with no amount. Rules: <see cref="DiscretionBenchmarkRules"/>.
/// </summary>
public sealed record DiscretionTier
{
    public required Circumstance Circumstance { get; init; }

    public required PenaltyType Type { get; init; }

    public decimal Minimum { get; init; }

    public decimal Maximum { get; init; }

    /// <summary>The circumstances the tier applies to, stated specifically (国办发〔2022〕27号: 细化量化).</summary>
    public required string Conditions { get; init; }
}
