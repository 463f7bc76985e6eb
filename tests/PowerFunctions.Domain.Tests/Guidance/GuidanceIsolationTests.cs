using PowerFunctions.Domain.Guidance;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.Domain.Tests.Guidance;

/// <summary>
/// Guidance is voluntary and a refusal brings no adverse measure (seed 003). Structurally: no code of
/// the domain outside <c>PowerFunctions.Domain.Guidance</c> refers to any guidance type — not in a
/// signature, not in a method body — so no penalty, risk, spot-check or supervision rule can read what a
/// target answered. The app holds the same rule for its own assembly, where only its guidance feature
/// may refer to the register.
/// </summary>
public sealed class GuidanceIsolationTests
{
    private const string GuidanceNamespace = "PowerFunctions.Domain.Guidance";

    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 自愿，拒绝不产生不利后果)")]
    public void Domain_NothingOutsideGuidanceDependsOnIt() =>
        Assert.Empty(DependencyScan.ReferencesTo(typeof(GuidanceEntry).Assembly, GuidanceNamespace));

    [Fact]
    public void Scan_FindsARealDependency()
    {
        // the scan is not vacuous: the penalty chain does depend on the case chain, in its signatures and bodies
        var found = DependencyScan.ReferencesTo(typeof(GuidanceEntry).Assembly, "PowerFunctions.Domain.Cases", "PowerFunctions.Domain.Catalog", "PowerFunctions.Domain.Supervision");

        Assert.Contains(found, f => f.StartsWith("PowerFunctions.Domain.Enforcement.PenaltyChain.Seal", StringComparison.Ordinal) && f.EndsWith("CaseChain", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("PenaltyPublication.Of (body) → PowerFunctions.Domain.Cases.NameMask", StringComparison.Ordinal));
    }
}
