using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Tests.Catalog;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Calendar;

/// <summary>
/// Every clock follows the calendar: <c>PUT /api/calendar/{year}</c> re-dates open complaint answers, 好差评
/// rectifications and catalog revisions, not only cases.
/// </summary>
[Trait("Source", "行政许可法 第八十二条")]
public sealed class CalendarRedatingTests
{
    /// <summary>The official 2026 schedule with 中秋 lengthened to Monday 9/28 and 国庆 to 10/8 (a made-up change).</summary>
    private static readonly object Changed2026 = new
    {
        holidays = new[]
        {
            new { name = "元旦", from = "2026-01-01", to = "2026-01-03" },
            new { name = "春节", from = "2026-02-15", to = "2026-02-23" },
            new { name = "清明节", from = "2026-04-04", to = "2026-04-06" },
            new { name = "劳动节", from = "2026-05-01", to = "2026-05-05" },
            new { name = "端午节", from = "2026-06-19", to = "2026-06-21" },
            new { name = "中秋节", from = "2026-09-25", to = "2026-09-28" },
            new { name = "国庆节", from = "2026-10-01", to = "2026-10-08" },
        },
        makeupWorkdays = new[] { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" },
    };

    [Fact]
    [Trait("Source", "国办发〔2019〕51号")]
    public async Task PutYear_HolidayLengthened_BadReviewsRectificationDueMoves()
    {
        await using var app = await TestApp.StartAsync();
        using var citizen = app.ClientFor("citizen", "", "citizen-9", "张小三");
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");

        // A bad review on 9/18: 10 wd end 10/9.
        var caseNo = await SampleApplications.SubmitAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.PostAsJsonAsync($"/api/cases/{caseNo}/refuse", new { reason = "不属于本机关职权范围" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "dissatisfied", comment = "没有一次说清楚" })).StatusCode);
        Assert.Equal("2026-10-09", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/evaluations/{caseNo}")).GetProperty("rectificationDue").GetString());

        var put = await admin.PutAsJsonAsync("/api/calendar/2026", Changed2026);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var evaluation = await supervisor.GetFromJsonAsync<JsonElement>($"/api/evaluations/{caseNo}");
        Assert.Equal("2026-10-12", evaluation.GetProperty("rectificationDue").GetString()); // 9/20 (make-up), 21–24, 29, 30, 10/9, 10/10 (make-up), 10/12
    }

    [Fact]
    [Trait("Source", "seed 002 第十条")]
    public async Task PutYear_HolidayLengthened_CatalogRevisionDueMoves_AndItsAlertWaits()
    {
        await using var app = await TestApp.StartAsync();
        using var catalogAdmin = app.ClientFor("catalog-admin", "D01", "cat-1", "目录管理员");
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");

        // A legal-basis change on 9/18: the 7th day 9/25 is 中秋, rolled to 9/28.
        using var basis = await catalogAdmin.PostAsync($"/api/catalog/items/{SampleApplications.Item}/basis-changes", new { changedOn = "2026-09-18", description = "《食品经营许可和备案管理办法》修订" });
        Assert.Equal(HttpStatusCode.OK, basis.StatusCode);
        Assert.Equal("2026-09-28", (await supervisor.GetFromJsonAsync<JsonElement>("/api/catalog/revisions")).EnumerateArray().Single().GetProperty("revisionDue").GetString());

        var put = await admin.PutAsJsonAsync("/api/calendar/2026", Changed2026);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("2026-09-29", (await supervisor.GetFromJsonAsync<JsonElement>("/api/catalog/revisions")).EnumerateArray().Single().GetProperty("revisionDue").GetString());

        // The red alert waits for the new due date: none on 9/29, one from 9/30.
        foreach (var at in new[] { new DateTimeOffset(2026, 9, 29, 12, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 9, 30, 0, 5, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 10, 9, 9, 0, 0, TimeSpan.FromHours(8)) })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/clock", new { set = at.ToString("O") })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/timers/sweep", null)).StatusCode);
            var alerts = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/alerts?level=red")).EnumerateArray().Where(a => a.GetProperty("deadlineKind").GetString() == "catalog-revision").ToList();
            Assert.Equal(at.Day == 29 ? 0 : 1, alerts.Count);
        }
    }
}
