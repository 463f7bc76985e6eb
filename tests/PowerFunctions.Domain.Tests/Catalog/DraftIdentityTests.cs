using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Tests.Catalog;

/// <summary>Issue 16: even a draft's code names its own department, and a kind it gives is one of the eleven.</summary>
public sealed class DraftIdentityTests
{
    [Theory]
    [InlineData("XK-D01-0001", "D01", true)]
    [InlineData("XK-D02-7777", "D01", false)]
    [InlineData("CF-D04-12", "D01", false)]
    [InlineData("XK-T-12", "D01", true)]       // no department code in it: another shape, left alone
    [InlineData("local_item-1", "D01", true)]
    public void CreateDraft_CodesDepartmentSegment_MustBeTheItemsDepartment(string code, string department, bool allowed)
    {
        var item = CatalogSamples.Drainage() with { Code = code, Department = new Department(department, "某局") };

        var result = PowerItem.CreateDraft(item, CatalogSamples.Now);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Contains("code", result.Error!.Errors!.Keys);
        }
    }

    [Theory]
    [InlineData("str", false)]
    [InlineData("licensing", true)]
    [InlineData("", true)]
    public void CreateDraft_Kind_UnknownRefused(string kind, bool allowed)
    {
        var result = PowerItem.CreateDraft(CatalogSamples.Drainage() with { Kind = kind }, CatalogSamples.Now);

        Assert.Equal(allowed, result.IsSuccess);
    }
}
