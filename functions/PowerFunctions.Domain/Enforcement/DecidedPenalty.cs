using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// What supervision keeps of each penalty decided (裁量权 监督): department, item, circumstance, penalty,
/// how it fits the tier, and the recorded reason where it departs. <see cref="Of"/> reads it from a case.
/// </summary>
public sealed record DecidedPenalty(
    string CaseNo,
    string Department,
    string ItemCode,
    Circumstance Circumstance,
    Penalty Penalty,
    DiscretionFit Fit,
    string? DepartureReason,
    DateOnly DecidedOn)
{
    /// <summary>The decided penalty of a case, or null before a decision or for no penalty.</summary>
    public static DecidedPenalty? Of(PenaltyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Decision is { Outcome: PenaltyOutcome.Penalty, Penalty: { } p, Circumstance: { } found } d
            ? new DecidedPenalty(c.CaseNo, c.Terms.DepartmentCode, c.Terms.ItemCode, found, p, d.Fit, d.DepartureReason, d.DecidedOn)
            : null;
    }
}
