using PowerFunctions.App.Features.Guidance;
using PowerFunctions.Domain.Guidance;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.Guidance;

/// <summary>
/// Guidance is voluntary: a refusal brings no adverse measure (seed 003). In the app as in the domain, no
/// code outside the guidance feature (<c>PowerFunctions.App.Features.Guidance</c>) refers to any type of
/// the register — not in a signature, not in a method body — so no penalty, supervision, report or
/// spot-check code can read what a target answered.
/// </summary>
public sealed class GuidanceIsolationTests
{
    [Fact]
    [Trait("Source", "seed 003 (行政指导方案: 自愿，拒绝不产生不利后果)")]
    public void App_NothingOutsideTheGuidanceFeatureDependsOnTheRegister() =>
        Assert.Empty(DependencyScan.ReferencesTo(typeof(GuidanceServices).Assembly, typeof(TargetResponse).Namespace!, typeof(GuidanceServices).Namespace!));

    [Fact]
    public void Scan_SeesTheFeatureItself()
    {
        // not vacuous: without the allowance the guidance feature's own use of the register is found
        var found = DependencyScan.ReferencesTo(typeof(GuidanceServices).Assembly, typeof(TargetResponse).Namespace!);

        Assert.Contains(found, f => f.StartsWith("PowerFunctions.App.Features.Guidance.GuidanceFunctions", StringComparison.Ordinal) && f.EndsWith("TargetResponse", StringComparison.Ordinal));
    }
}
