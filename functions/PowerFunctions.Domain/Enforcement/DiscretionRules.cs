using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// Where a penalty sits against the item's discretion benchmark (裁量基准).
/// <list type="bullet">
/// <item>Outside the legal range (法定幅度) is never allowed (<see cref="InLegalRange"/>).</item>
/// <item>A penalty of another type than the tier's, or an amount outside the tier's bounds (both included),
/// is <see cref="DiscretionFit.OutsideTier"/>: it may be decided only where a collective decision adopted
/// it and recorded why (国办发〔2022〕27号: 调整适用 须经 集体讨论 通过，记录 归入执法案卷).</item>
/// <item>An amount within <see cref="EdgeShare"/> of the tier's width from either bound is
/// <see cref="DiscretionFit.AtEdge"/> (顶格 or 底线 of the tier). The share is this system's supervision
/// setting, not a legal rule: it is what supervisors are shown.</item>
/// </list>
/// Source: 国办发〔2022〕27号 (规范行政裁量权基准); 行政处罚法 第三十四条.
/// </summary>
public static class DiscretionRules
{
    /// <summary>The source every rule here cites.</summary>
    public const string Source = "国办发〔2022〕27号; 行政处罚法 第三十四条";

    /// <summary>The share of a tier's width, from either bound, that counts as its edge (supervision setting).</summary>
    public const decimal EdgeShare = 0.05m;

    /// <summary>True when the penalty is within what the law allows: a monetary amount above 0 and within the legal range; no amount for other types. Source: 国办发〔2022〕27号 (不得超出法定幅度).</summary>
    public static bool InLegalRange(DiscretionBenchmark benchmark, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(penalty);
        return PenaltyTypes.HasAmount(penalty.Type)
            ? penalty.Amount > 0 && penalty.Amount >= benchmark.LegalMinimum && penalty.Amount <= benchmark.LegalMaximum
            : penalty.Amount == 0;
    }

    /// <summary>
    /// How <paramref name="penalty"/> fits the tier of <paramref name="circumstance"/>; a circumstance with no
    /// tier (first offence) is outside any penalty tier. Source: 国办发〔2022〕27号.
    /// </summary>
    public static DiscretionFit Assess(DiscretionBenchmark benchmark, Circumstance circumstance, Penalty penalty)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(penalty);
        if (benchmark.TierFor(circumstance) is not { } tier || tier.Type != penalty.Type)
        {
            return DiscretionFit.OutsideTier;
        }

        if (!PenaltyTypes.HasAmount(tier.Type))
        {
            return DiscretionFit.Within;
        }

        if (penalty.Amount < tier.Minimum || penalty.Amount > tier.Maximum)
        {
            return DiscretionFit.OutsideTier;
        }

        var band = (tier.Maximum - tier.Minimum) * EdgeShare;
        if (band == 0)
        {
            return DiscretionFit.Within;
        }

        return penalty.Amount <= tier.Minimum + band || penalty.Amount >= tier.Maximum - band ? DiscretionFit.AtEdge : DiscretionFit.Within;
    }

    /// <summary>True for the fits supervision is shown: at a tier's edge or outside it. Source: 国办发〔2022〕27号 (裁量权基准 适用 监督).</summary>
    public static bool IsFlagged(DiscretionFit fit) => fit is DiscretionFit.AtEdge or DiscretionFit.OutsideTier;
}
