using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>Stages measured against the sample catalog's own stage limits, over real HTTP.</summary>
public sealed class StageOverrunTests
{
    /// <summary>The case view measures each stage against the catalog's stage limit (XK-D01-0002: acceptance 1 wd).</summary>
    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    public async Task CaseView_AcceptanceSlowerThanItsStageLimit_StageOverrunWhileTheCaseIsOnTime()
    {
        await using var app = await TestApp.StartAsync();
        using var citizen = app.ClientFor("citizen", "", "citizen-9", "张小三");
        using var acceptor = app.ClientFor("acceptor", "D01", "acc-1", "李受理");
        using var admin = app.ClientFor("admin", "", "adm-1", "管理员");
        var caseNo = await SampleApplications.SubmitAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/clock", new { set = "2026-09-22T10:00:00+08:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.PostAsJsonAsync($"/api/cases/{caseNo}/accept", new { })).StatusCode);

        var view = await SampleApplications.Json(await acceptor.GetAsync($"/api/cases/{caseNo}"));

        var acceptance = view.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "acceptance");
        Assert.Equal(1, acceptance.GetProperty("limit").GetInt32());
        Assert.Equal(3, acceptance.GetProperty("used").GetInt32()); // 9/20 (make-up), 9/21, 9/22
        Assert.True(acceptance.GetProperty("overrun").GetBoolean());
        Assert.All(view.GetProperty("deadlines").EnumerateArray(), d => Assert.NotEqual("red", d.GetProperty("status").GetString()));

        // …and supervisors see it as a red alert of its stage, once.
        using var supervisor = app.ClientFor("supervisor", "", "sup-1", "周监察");
        var alerts = await SampleApplications.Json(await supervisor.GetAsync("/api/supervision/alerts?level=red&department=D01"));
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("stage-acceptance", alert.GetProperty("deadlineKind").GetString());
        Assert.Equal("2026-09-20", alert.GetProperty("due").GetString()); // 1 wd after receipt: the make-up Sunday
    }
}
