using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Tests.Cases;

namespace PowerFunctions.Domain.Tests.Catalog;

/// <summary>涉密 powers are kept out of the public catalog and every public list; their department's staff and supervisors see them.</summary>
[Trait("Source", "seed 001 §四(一)3")]
public sealed class CatalogVisibilityTests
{
    private static PowerItem Confidential() => CatalogSamples.Drainage() with { Confidential = true, Publicised = false, ConfidentialityBasis = "涉及国家秘密" };

    [Theory]
    [InlineData(false, null, false, true)]
    [InlineData(true, null, false, false)]   // the public
    [InlineData(true, "D02", false, false)]  // staff of another department
    [InlineData(true, "D01", false, true)]   // staff of its department
    [InlineData(true, "D02", true, true)]    // a supervisor
    public void CanSee_ByViewer(bool confidential, string? department, bool oversight, bool sees)
    {
        var item = confidential ? Confidential() : CatalogSamples.Drainage();

        Assert.Equal(sees, CatalogVisibility.CanSee(item, department, oversight));
        Assert.Equal(!confidential, CatalogVisibility.IsPublic(item));
    }

    [Fact]
    public void Publish_ConfidentialItemThatWouldBePosted_IsRefused()
    {
        var problems = PowerItem.CreateDraft(Confidential() with { Publicised = true }, CatalogSamples.Now).Value.PublishingProblems();

        Assert.Contains("publicised", problems.Keys);
        Assert.Empty(PowerItem.CreateDraft(Confidential(), CatalogSamples.Now).Value.PublishingProblems());
    }

    [Fact]
    public void ConfidentialItem_ApprovalNotPostedAndResultWithheld()
    {
        var terms = CaseFixture.Item(confidential: true);
        var f = new CaseFixture(terms).Accept().ReviewBoth().Decide().Deliver().Publish();

        Assert.False(CaseRules.GoesToPublicity(terms, DecisionOutcome.Approve));
        Assert.Null(f.Case.Decision!.PublicFrom);
        Assert.True(f.Case.ResultWithheld);
        Assert.True(Confidential().ToTerms().Confidential);
        Assert.False(Confidential().ToTerms().Publicised);
    }
}
