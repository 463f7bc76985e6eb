namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// Supervision sees every penalty whose amount sits at a tier's edge or outside it, per department
/// (<see cref="DiscretionRules.IsFlagged"/>). A pure aggregation over decided penalties.
/// Source: 国办发〔2022〕27号 (加强 行政裁量权基准 适用 的 监督).
/// </summary>
public static class DiscretionSupervision
{
    /// <summary>One row per department (by code), the flagged penalties newest first. Source: 国办发〔2022〕27号.</summary>
    public static IReadOnlyList<DiscretionSupervisionRow> ByDepartment(IEnumerable<DecidedPenalty> decided)
    {
        ArgumentNullException.ThrowIfNull(decided);
        return decided
            .GroupBy(d => d.Department, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DiscretionSupervisionRow(
                g.Key,
                g.Count(),
                g.Count(d => d.Fit == DiscretionFit.AtEdge),
                g.Count(d => d.Fit == DiscretionFit.OutsideTier),
                g.Where(d => DiscretionRules.IsFlagged(d.Fit)).OrderByDescending(d => d.DecidedOn).ThenBy(d => d.CaseNo, StringComparer.Ordinal).ToArray()))
            .ToArray();
    }
}
