namespace PowerFunctions.Domain.Catalog;

/// <summary>
/// A penalty item's discretion benchmark (行政处罚裁量基准), published with the item: the statutory range
/// of the amount, one tier per circumstance, and what the item triggers in the procedure.
/// <list type="bullet">
/// <item><see cref="Tiers"/>: minor, ordinary and serious (国办发〔2022〕27号).</item>
/// <item><see cref="FirstOffenceNoPenalty"/>: the item is on the first-offence no-penalty list (首违不罚,
/// 行政处罚法 第三十三条第一款).</item>
/// <item><see cref="Major"/> / <see cref="MajorAmount"/>: the item, or an amount from this one up, is on the
/// department's list of major decisions that need legal review (行政处罚法 第五十八条; 国办发〔2018〕118号
/// 重大执法决定法制审核目录清单).</item>
/// <item><see cref="LargeAmountForPerson"/> / <see cref="LargeAmountForOrganisation"/>: 较大数额 — a fine or
/// confiscation from this amount up gives the party the right to a hearing (行政处罚法 第六十三条; the
/// amounts are set by provincial rules).</item>
/// <item><see cref="Field"/>: the enforcement field (执法类别) an officer's certificate must cover.</item>
/// </list>
/// Publishing rules: <see cref="DiscretionBenchmarkRules"/>.
/// </summary>
public sealed record DiscretionBenchmark
{
    /// <summary>Where the benchmark is published (e.g. its title and document number): 行政处罚法 第三十四条 “裁量基准应当向社会公布”.</summary>
    public required string Source { get; init; }

    /// <summary>The lowest amount the law allows for the monetary type (0 when it sets none).</summary>
    public decimal LegalMinimum { get; init; }

    /// <summary>The highest amount the law allows (e.g. 十万元以下 → 100000).</summary>
    public decimal LegalMaximum { get; init; }

    public IReadOnlyList<DiscretionTier> Tiers { get; init; } = [];

    public bool FirstOffenceNoPenalty { get; init; }

    public bool Major { get; init; }

    public decimal? MajorAmount { get; init; }

    public decimal? LargeAmountForPerson { get; init; }

    public decimal? LargeAmountForOrganisation { get; init; }

    public string? Field { get; init; }

    /// <summary>The tier for <paramref name="circumstance"/>, or null (first offence has none: it means no penalty).</summary>
    public DiscretionTier? TierFor(Circumstance circumstance) => Tiers.FirstOrDefault(t => t is not null && t.Circumstance == circumstance);
}
