using System.Net;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Catalog;

/// <summary>seed 002 第十条: an entry unrevised 7 days after its legal basis changed raises one red <c>catalog-revision</c> alert.</summary>
[Trait("Source", "seed 002 第十条")]
public sealed class CatalogRevisionAlertTests
{
    [Fact]
    public async Task BasisChange_UnrevisedPastItsSevenDays_OneRedAlert_ARevisedEntryNone()
    {
        await using var app = await TestApp.StartAsync();
        using var d01 = app.ClientFor("catalog-admin", "D01", "cat-1", "目录管理员");
        using var d03 = app.ClientFor("catalog-admin", "D03", "cat-3", "目录管理员");
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        Assert.Equal(HttpStatusCode.OK, (await d01.PostAsync("/api/catalog/items/XK-D01-0002/basis-changes", new { changedOn = "2026-09-15", description = "办法修订" })).StatusCode); // due 9/22
        Assert.Equal(HttpStatusCode.OK, (await d03.PostAsync("/api/catalog/items/XK-D03-0001/basis-changes", new { changedOn = "2026-09-15", description = "条例修订" })).StatusCode);
        var guide = await d03.GetJsonAsync("/api/catalog/items/XK-D03-0001");
        using var revised = await d03.SendJsonAsync(HttpMethod.Put, "/api/catalog/items/XK-D03-0001", System.Text.Json.Nodes.JsonNode.Parse(guide.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, (await d03.PostAsync("/api/catalog/items/XK-D03-0001/publish", null)).StatusCode);

        Assert.Empty(await RevisionAlertsAsync(supervisor)); // not due yet
        await SetClockAndSweepAsync(admin, new DateTimeOffset(2026, 9, 22, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.Empty(await RevisionAlertsAsync(supervisor)); // the last day is not over
        await SetClockAndSweepAsync(admin, new DateTimeOffset(2026, 9, 23, 0, 5, 0, TimeSpan.FromHours(8)));
        await SetClockAndSweepAsync(admin, new DateTimeOffset(2026, 9, 24, 9, 0, 0, TimeSpan.FromHours(8)));

        var alert = Assert.Single(await RevisionAlertsAsync(supervisor));
        Assert.Equal("XK-D01-0002", alert.GetProperty("itemCode").GetString());
        Assert.Equal("D01", alert.GetProperty("department").GetString());
        Assert.Equal("2026-09-22", alert.GetProperty("due").GetString());
    }

    private static async Task<List<JsonElement>> RevisionAlertsAsync(HttpClient supervisor) =>
        (await supervisor.GetJsonAsync("/api/supervision/alerts?level=red")).EnumerateArray().Where(a => a.GetProperty("deadlineKind").GetString() == "catalog-revision").ToList();

    private static async Task SetClockAndSweepAsync(HttpClient admin, DateTimeOffset at)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/clock", new { set = at.ToString("O") })).StatusCode);
        using var sweep = await admin.PostAsync("/api/admin/timers/sweep", null);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
    }
}
