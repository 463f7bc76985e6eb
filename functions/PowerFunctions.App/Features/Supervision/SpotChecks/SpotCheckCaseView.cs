using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.SpotChecks;

namespace PowerFunctions.App.Features.Supervision.SpotChecks;

/// <summary>One drawn case of a <see cref="SpotCheckView"/>, with its result once recorded (<c>conforming</c> or <c>findings</c>).</summary>
public sealed record SpotCheckCaseView(
    string CaseNo,
    string Department,
    string ItemCode,
    string RiskLevel,
    int Weight,
    double InclusionProbability,
    string? Outcome,
    string? Findings,
    DateTimeOffset? CheckedAt,
    string? RectificationId)
{
    public static SpotCheckCaseView Of(SpotCheckPick p, SpotCheckResult? r)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.CaseNo, p.Candidate.Department, p.Candidate.ItemCode, p.Candidate.RiskLevel, p.Weight, p.InclusionProbability,
            r is null ? null : r.Outcome == SpotCheckOutcome.Conforming ? "conforming" : "findings", r?.Findings,
            r is null ? null : ChinaTime.InChina(r.CheckedAt), r?.RectificationId);
    }
}
