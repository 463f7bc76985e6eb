using System.Net;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Catalog;

/// <summary>seed 001 §四(一)3: a 涉密 power is not in the public catalog; applications to it are still taken.</summary>
[Trait("Source", "seed 001 §四(一)3")]
public sealed class CatalogConfidentialTests
{
    [Fact]
    public async Task PublicList_ConfidentialItem_LeftOut_StillKnownToTheIntake()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "false" });
        using var admin = app.ClientFor("catalog-admin", "D01");
        var secret = CatalogTestData.Item("XK-SECRET-1", name: "涉密测绘成果提供使用审批");
        secret["confidential"] = true;
        secret["publicised"] = false;
        secret["confidentialityBasis"] = "涉及国家秘密（《保守国家秘密法》第九条）";
        foreach (var (code, body) in new[] { ("XK-OPEN-1", CatalogTestData.Item("XK-OPEN-1")), ("XK-SECRET-1", secret) })
        {
            using var created = await admin.SendJsonAsync(HttpMethod.Post, "/api/catalog/items", body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var published = await admin.PostAsync($"/api/catalog/items/{code}/publish", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var all = (await app.Client.GetJsonAsync("/api/catalog/items")).EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        var filtered = (await app.Client.GetJsonAsync("/api/catalog/items?department=D01")).EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();

        Assert.Equal(["XK-OPEN-1"], all);
        Assert.Equal(["XK-OPEN-1"], filtered);
        var lookup = await app.Get<ICatalogLookup>().LookupAsync("XK-SECRET-1", CancellationToken.None);
        Assert.True(lookup.Terms!.Confidential);
    }
}
