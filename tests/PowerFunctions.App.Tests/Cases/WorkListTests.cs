using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Cases;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// <c>GET /api/cases</c> (API.md): the window's and the reviewers' work list, from its own index: staff see
/// their department, supervisors every one, newest first, filtered by state, item and due date, paged by
/// an opaque continuation.
/// </summary>
public sealed class WorkListTests
{
    private const string D01Item = "XK-D01-0002";
    private const string D02Item = "XK-D02-0001";

    [Fact]
    public async Task WorkList_StaffSeeTheirDepartmentNewestFirst_SupervisorsSeeAll()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var first = await SubmitAsync(app, D01Item, "甲");
        await app.SetClockAsync(9, 18, 11);
        var second = await SubmitAsync(app, D02Item, "乙");
        await app.SetClockAsync(9, 18, 14);
        var third = await SubmitAsync(app, D01Item, "丙");
        using var d02 = app.App.ClientFor("acceptor", "D02", "acc-2", "吴受理");

        var d01List = await ListAsync(app.ReviewerA, "/api/cases");
        var d02List = await ListAsync(d02, "/api/cases");
        var all = await ListAsync(app.Supervisor, "/api/cases");

        Assert.Equal([third, first], CaseNos(d01List));
        Assert.Equal([second], CaseNos(d02List));
        Assert.Equal([third, second, first], CaseNos(all));
        Assert.Equal([second], CaseNos(await ListAsync(app.Supervisor, "/api/cases?department=D02")));
        var line = d01List.GetProperty("items")[0];
        Assert.Equal(D01Item, line.GetProperty("itemCode").GetString());
        Assert.Equal("食品经营许可", line.GetProperty("itemName").GetString());
        Assert.Equal("submitted", line.GetProperty("state").GetString());
        Assert.StartsWith("2026-09-18T14:00:00", line.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("correction-notice", line.GetProperty("nextDeadline").GetProperty("kind").GetString());
        Assert.Equal("2026-09-24", line.GetProperty("nextDeadline").GetProperty("due").GetString());
        Assert.Equal("pending", line.GetProperty("nextDeadline").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, d01List.GetProperty("continuation").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.GetAsync("/api/cases?department=D02")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Citizen.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task WorkList_FiltersAndPages_EveryCaseOnceAndStatusAsOfNow()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var cases = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await app.SetClockAsync(new DateTimeOffset(2026, 9, 18, 9, 40 + i, 0, TimeSpan.FromHours(8)));
            cases.Add(await SubmitAsync(app, D01Item, "申请人" + i));
        }

        await app.OkAsync(app.Acceptor, cases[1], "accept");
        await app.OkAsync(app.Acceptor, cases[3], "accept");
        await SubmitAsync(app, D02Item, "他人");

        Assert.Equal([cases[3], cases[1]], CaseNos(await ListAsync(app.Acceptor, "/api/cases?state=accepted")));
        Assert.Equal([cases[4], cases[2], cases[0]], CaseNos(await ListAsync(app.Acceptor, "/api/cases?dueBefore=2026-09-25")));
        Assert.Empty(CaseNos(await ListAsync(app.Acceptor, "/api/cases?dueBefore=2026-09-24"))); // strictly before
        Assert.Empty(CaseNos(await ListAsync(app.Acceptor, "/api/cases?item=XK-D01-0003")));
        Assert.Equal(5, CaseNos(await ListAsync(app.Acceptor, $"/api/cases?item={D01Item}")).Count);

        var paged = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(app.Acceptor, "/api/cases?pageSize=2" + (continuation is null ? string.Empty : "&continuation=" + continuation));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            paged.AddRange(CaseNos(page));
            continuation = page.GetProperty("continuation").GetString();
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Reverse(cases), paged);
        Assert.InRange(pages, 3, 4);

        // The yellow signal the day before the due date (9/23 for 9/24), computed when read.
        await app.SetClockAsync(9, 23, 9);
        var statuses = (await ListAsync(app.Acceptor, "/api/cases?state=submitted")).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("nextDeadline").GetProperty("status").GetString()).Distinct();
        Assert.Equal(["yellow"], statuses);
    }

    [Theory]
    [InlineData("state=sent")]
    [InlineData("dueBefore=2026/09/25")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    [InlineData("continuation=%%%")]
    [InlineData("continuation=bm90LWEta2V5")]
    public async Task WorkList_BadParameter_400NamingIt(string query)
    {
        await using var app = await CaseApp.StartAsync();

        var response = await app.Acceptor.GetAsync("/api/cases?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CaseApp.Json(response);
        Assert.Equal("request.invalid_parameter", problem.GetProperty("code").GetString());
        Assert.Equal(query[..query.IndexOf('=', StringComparison.Ordinal)], Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
    }

    [Fact]
    public async Task WorkList_WriteFailsAfterACommit_TheCommitsDurableTimerWritesThemWithinTheRepairDelay()
    {
        FailingTableWrites? failing = null;
        await using var app = await CaseApp.StartAsync(more: s => s.AddSingleton(sp =>
        {
            failing = new FailingTableWrites(sp.GetRequiredService<IStorageAccount>(), WorkListStore.TableName);
            return new WorkListStore(failing);
        }));
        var caseNo = await app.NewCaseAsync();
        failing!.Down = true; // the work-list table is out when the acceptance commits (as a crash right after the commit would leave it)
        var accepted = await app.OkAsync(app.Acceptor, caseNo, "accept");
        failing.Down = false;
        Assert.True(failing.Refused > 0);

        var stale = (await ListAsync(app.Acceptor, "/api/cases")).GetProperty("items")[0];
        Assert.Equal("submitted", stale.GetProperty("state").GetString()); // the row of the submission, not yet the acceptance
        Assert.Equal(0, await app.SweepAsync()); // the repair is not due yet

        await app.AdvanceClockAsync(CaseTimerKinds.WorkListRepairDelay);
        Assert.True(await app.SweepAsync() >= 1);

        var line = (await ListAsync(app.Acceptor, "/api/cases")).GetProperty("items")[0];
        Assert.Equal(caseNo, line.GetProperty("caseNo").GetString());
        Assert.Equal("accepted", line.GetProperty("state").GetString());
        Assert.Equal("decision", line.GetProperty("nextDeadline").GetProperty("kind").GetString());
        Assert.Equal(caseNo, CaseNos(await ListAsync(app.Supervisor, "/api/cases")).Single());
        Assert.Equal(accepted.GetProperty("version").GetInt64(), (await app.App.Get<WorkListStore>().VersionAsync((await app.App.Get<CaseStore>().LoadAsync(caseNo, default))!.Case, default)));
    }

    [Fact]
    public async Task WorkList_WrittenByTheCommit_ItsRepairTimerIsCancelled()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");

        var timers = app.App.Get<IStorageAccount>().GetTableClient(Features.Timers.TimerIndex.TableName);
        var rows = await timers.QueryAsync(new TableQuery());
        Assert.DoesNotContain(rows.Entities, r => r.GetString("Kind") == CaseTimerKinds.WorkList);
        Assert.Contains(rows.Entities, r => r.GetString("TargetId") == caseNo); // the deadline timers stay
    }

    private static async Task<string> SubmitAsync(CaseApp app, string item, string name)
    {
        var response = await app.SubmitAsync(CaseApp.SampleApplication(item, name, "M01", "M02", "M03", "M04"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CaseApp.Json(response)).GetProperty("caseNo").GetString()!;
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> CaseNos(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("caseNo").GetString()!).ToList();
}
