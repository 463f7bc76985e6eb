using System.Net;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// <c>GET /api/publicity</c> and <c>GET /api/results</c>: the array API.md gives, one page per request, the
/// next page announced in <c>X-Continuation</c> and <c>Link</c>; a 涉密 case is never on either list.
/// </summary>
public sealed class PublicListsTests
{
    [Fact]
    [Trait("Source", "seed 000 §5(二)7")]
    public async Task Publicity_PagedByContinuationHeader_EveryApprovalOnce_NoConfidentialCase()
    {
        await using var app = await CaseApp.StartAsync();
        var approved = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            approved.Add(await ApproveAsync(app, FakeCatalog.Plain));
        }

        var secret = await ApproveAsync(app, FakeCatalog.Confidential);

        var whole = await app.App.Client.GetAsync("/api/publicity");
        Assert.Equal(JsonValueKind.Array, (await CaseApp.Json(whole)).ValueKind);
        Assert.False(whole.Headers.Contains("X-Continuation"));
        var pages = await PagesAsync(app.App.Client, "/api/publicity?pageSize=2");

        Assert.Equal(approved.Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(l => l.GetProperty("caseNo").GetString()!));
        Assert.True(pages.Count >= 3);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(2, p.Count));
        Assert.DoesNotContain(secret, (await CaseApp.Json(whole)).EnumerateArray().Select(l => l.GetProperty("caseNo").GetString()));
        Assert.Equal("decided", (await app.CaseAsync(secret)).GetProperty("state").GetString()); // decided, never posted
    }

    [Fact]
    [Trait("Source", "seed 002 第十三条")]
    public async Task Results_NewestFirstPaged_ByItemToo_NoConfidentialCase()
    {
        await using var app = await CaseApp.StartAsync();
        var byDay = new List<string>();
        foreach (var day in new[] { 9, 10, 12 })
        {
            await app.SetClockAsync(10, day, 9);
            var caseNo = await ApproveAsync(app, FakeCatalog.Plain);
            byDay.Add(caseNo);
        }

        var secret = await ApproveAsync(app, FakeCatalog.Confidential);
        await app.OkAsync(app.Deliverer, secret, "deliver", new { method = "in-person", recipient = "张小三" });

        // Publicity of each ends after 7 cd; each is delivered on its own day, newest last.
        await app.SetClockAsync(10, 21, 9);
        await app.SweepAsync();
        foreach (var (caseNo, day) in byDay.Zip(new[] { 22, 23, 26 }))
        {
            await app.SetClockAsync(10, day, 10);
            await app.OkAsync(app.Deliverer, caseNo, "deliver", new { method = "in-person", recipient = "张小三" });
            await app.SweepAsync();
        }

        var pages = await PagesAsync(app.App.Client, "/api/results?pageSize=2");
        var listed = pages.SelectMany(p => p).Select(l => l.GetProperty("caseNo").GetString()!).ToList();
        Assert.Equal(Enumerable.Reverse(byDay), listed);
        Assert.Equal(2, pages.Count);
        Assert.Equal(Enumerable.Reverse(byDay), (await PagesAsync(app.App.Client, $"/api/results?itemCode={FakeCatalog.Plain}&pageSize=1")).SelectMany(p => p).Select(l => l.GetProperty("caseNo").GetString()!));
        Assert.Empty((await PagesAsync(app.App.Client, $"/api/results?itemCode={FakeCatalog.Confidential}")).SelectMany(p => p));
        Assert.Equal("closed", (await app.CaseAsync(secret)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.App.Client.GetAsync("/api/results?pageSize=501")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.App.Client.GetAsync("/api/results?itemCode=a%2Fb")).StatusCode);
    }

    /// <summary>Submits, accepts, reviews (A and B where substantive) and approves a case of <paramref name="item"/>.</summary>
    private static async Task<string> ApproveAsync(CaseApp app, string item)
    {
        var caseNo = await app.NewCaseAsync(item);
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "符合条件", recommendation = "approve" });
        if (item != FakeCatalog.Confidential)
        {
            await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        }

        await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合法定条件" });
        return caseNo;
    }

    /// <summary>Follows <c>X-Continuation</c> from <paramref name="url"/> to the last page; checks <c>Link</c> says the same.</summary>
    private static async Task<List<List<JsonElement>>> PagesAsync(HttpClient client, string url)
    {
        var pages = new List<List<JsonElement>>();
        var next = url;
        while (next is not null)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add((await CaseApp.Json(response)).EnumerateArray().ToList());
            if (response.Headers.TryGetValues("X-Continuation", out var tokens))
            {
                var token = tokens.Single();
                Assert.Contains("continuation=" + token, response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
                next = url + "&continuation=" + token;
            }
            else
            {
                next = null;
            }

            Assert.True(pages.Count < 20, "the pages never end");
        }

        return pages;
    }
}
