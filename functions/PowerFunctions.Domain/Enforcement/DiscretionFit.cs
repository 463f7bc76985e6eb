namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// How a penalty sits in the tier of the circumstance found (API codes <c>within</c>, <c>at-edge</c>,
/// <c>outside-tier</c>, <c>not-applicable</c> for no penalty). <see cref="AtEdge"/> and
/// <see cref="OutsideTier"/> are shown to supervision. Rule: <see cref="DiscretionRules.Assess"/>.
/// </summary>
public enum DiscretionFit
{
    Within,
    AtEdge,
    OutsideTier,
    NotApplicable,
}
