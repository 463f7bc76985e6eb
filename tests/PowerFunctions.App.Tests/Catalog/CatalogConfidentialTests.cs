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

    [Fact]
    public async Task ConfidentialItem_Unknown404ToThePublicAndOtherDepartments_ServedToItsStaffAndSupervisors()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Seed:Catalog"] = "false" });
        using var admin = app.ClientFor("catalog-admin", "D01");
        var secret = CatalogTestData.Item("XK-SECRET-2", name: "涉密测绘成果提供使用审批");
        secret["confidential"] = true;
        secret["publicised"] = false;
        secret["confidentialityBasis"] = "涉及国家秘密（《保守国家秘密法》第九条）";
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Post, "/api/catalog/items", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/catalog/items/XK-SECRET-2/publish", null)).StatusCode);
        using var ownStaff = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        using var otherStaff = app.ClientFor("reviewer", "D02", "rev-2", "吴审查");
        using var citizen = app.ClientFor("citizen", "", "c-1", "张小三");
        var routes = new[] { "/api/catalog/items/XK-SECRET-2", "/api/catalog/items/XK-SECRET-2/versions", "/api/catalog/items/XK-SECRET-2/versions/1", "/api/catalog/items/XK-SECRET-2/flowchart", "/api/catalog/items/XK-SECRET-2/flowchart.svg" };

        foreach (var route in routes)
        {
            foreach (var outsider in new[] { app.Client, citizen, otherStaff })
            {
                using var hidden = await outsider.GetAsync(route);
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
                Assert.Equal("catalog.item_not_found", (await hidden.JsonAsync()).GetProperty("code").GetString());
            }

            foreach (var insider in new[] { ownStaff, supervisor })
            {
                using var served = await insider.GetAsync(route);
                Assert.True(served.StatusCode == HttpStatusCode.OK, $"{route}: {(int)served.StatusCode}");
            }
        }

        using var svg = await ownStaff.GetAsync("/api/catalog/items/XK-SECRET-2/flowchart.svg");
        Assert.True(svg.Headers.CacheControl!.NoStore && svg.Headers.CacheControl.Private);
        Assert.Contains("XK-SECRET-2", Codes(await ownStaff.GetJsonAsync("/api/catalog/items?department=D01")));
        Assert.Contains("XK-SECRET-2", Codes(await supervisor.GetJsonAsync("/api/catalog/items?department=D01")));
        Assert.DoesNotContain("XK-SECRET-2", Codes(await app.Client.GetJsonAsync("/api/catalog/items?department=D01")));
        Assert.DoesNotContain("XK-SECRET-2", Codes(await otherStaff.GetJsonAsync("/api/catalog/items?department=D01")));
        Assert.DoesNotContain("XK-SECRET-2", Codes(await ownStaff.GetJsonAsync("/api/catalog/items")));
    }

    private static List<string?> Codes(System.Text.Json.JsonElement list) => list.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
}
