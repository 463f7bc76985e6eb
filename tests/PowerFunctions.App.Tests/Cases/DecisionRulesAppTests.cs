using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// The rules that bind the decision and what follows it, over HTTP: objections during publicity answered
/// before delivery, the collective decision's majority (the signed site inspection: <see cref="JointApprovalAppTests"/>,
/// whose sample item requires one), immediate items decided on the day.
/// </summary>
public sealed class DecisionRulesAppTests
{
    [Fact]
    [Trait("Source", "seed 000 §5(二)7, (二)8")]
    public async Task Objection_OpenBlocksDelivery_DecidersAnswer_DismissedDelivers()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await ApproveAsync(app);

        var filed = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "邻居王某", contact = "13900000000", content = "经营场所油烟影响居住" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objectionId = (await CaseApp.Json(filed)).GetProperty("objectionId").GetString()!;
        await app.SetClockAsync(9, 28, 9); // publicity 9/18 + 7 cd = 9/25 (中秋) → 9/28; over at its end
        await app.SetClockAsync(9, 29, 9);
        await app.SweepAsync();
        Assert.Equal("awaiting-delivery", (await app.CaseAsync(caseNo)).GetProperty("state").GetString());

        var blocked = await app.ActAsync(app.Deliverer, caseNo, "deliver", new { method = "post", recipient = "张小三" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal("case.objection_open", (await CaseApp.Json(blocked)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(app.ReviewerA, caseNo, "objection-answer", new { objectionId, finding = "dismissed", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.ActAsync(app.Decider, caseNo, "objection-answer", new { objectionId, finding = "maybe", reasons = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ActAsync(app.Decider, caseNo, "objection-answer", new { objectionId = "o-9", finding = "dismissed", reasons = "x" })).StatusCode);
        var answered = await app.OkAsync(app.Decider, caseNo, "objection-answer", new { objectionId, finding = "dismissed", reasons = "经现场核查，油烟净化设施符合标准" });
        var objection = Assert.Single(answered.GetProperty("objections").EnumerateArray());
        Assert.Equal("dismissed", objection.GetProperty("finding").GetString());
        Assert.Equal("awaiting-delivery", answered.GetProperty("state").GetString());
        Assert.Equal("delivered", (await app.OkAsync(app.Deliverer, caseNo, "deliver", new { method = "post", recipient = "张小三" })).GetProperty("state").GetString());
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)7, (二)8")]
    public async Task Objection_Upheld_EndsPublicityBackToReview_DecidedAnew()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await ApproveAsync(app);
        var filed = await CaseApp.Json(await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "李某", contact = "13900000001", content = "申请人提交的场所证明系伪造" }));

        var upheld = await app.OkAsync(app.Decider, caseNo, "objection-answer", new { objectionId = filed.GetProperty("objectionId").GetString(), finding = "upheld", reasons = "经核实场所证明与实际不符" });

        Assert.Equal("under-review", upheld.GetProperty("state").GetString());
        Assert.False(upheld.TryGetProperty("decision", out var decision) && decision.ValueKind != JsonValueKind.Null);
        Assert.Single(upheld.GetProperty("setAsideDecisions").EnumerateArray());
        Assert.Equal(["objection-filed", "objection-answered"], upheld.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).TakeLast(2));
        Assert.DoesNotContain(caseNo, (await CaseApp.Json(await app.App.Client.GetAsync("/api/publicity"))).EnumerateArray().Select(p => p.GetProperty("caseNo").GetString()));
        var anew = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "deny", reasons = "场所证明与实际不符" });
        Assert.Equal("decided", anew.GetProperty("state").GetString());
        Assert.Contains(anew.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == caseNo + "-decision-2");
    }

    [Fact]
    [Trait("Source", "seed 000 §5(二)6, (三)1")]
    public async Task Decide_AgainstTheCollectiveMajority_422_WithIt_200()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        foreach (var (id, external) in new[] { ("E1", true), ("E2", false), ("E3", false) })
        {
            await app.Admin.PutAsJsonAsync($"/api/experts/{id}", new { name = "专家" + id, external, fields = new[] { "特种设备" } });
        }

        var caseNo = (await CaseApp.Json(await app.SubmitAsync(CaseApp.SampleApplication("XK-D01-0003", "周七", "M01", "M02", "M03", "M04"), "collective-1"))).GetProperty("caseNo").GetString()!;
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "资源条件基本具备", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });

        await app.OkAsync(app.ReviewerA, caseNo, "expert-draw", new { count = 2, expectedUntil = "2026-09-30" });
        await app.OkAsync(app.ReviewerA, caseNo, "resume");
        var noMeeting = await app.ActAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        Assert.Equal("case.collective_decision_required", (await CaseApp.Json(noMeeting)).GetProperty("code").GetString());
        await app.OkAsync(app.Decider, caseNo, "collective-decision", new
        {
            attendees = new[] { "钱局长", "王审查", "赵复核" },
            votes = new[] { new { name = "钱局长", vote = "deny", opinion = "焊接工艺评定不全" }, new { name = "王审查", vote = "deny", opinion = "同意" }, new { name = "赵复核", vote = "approve", opinion = "可以整改后许可" } },
            dissent = new[] { new { name = "赵复核", opinion = "可以整改后许可" } },
        });

        var against = await app.ActAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, against.StatusCode);
        Assert.Equal("case.outcome_contradicts_collective_decision", (await CaseApp.Json(against)).GetProperty("code").GetString());
        var denied = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "deny", reasons = "焊接工艺评定不全，不符合 TSG 07 的资源条件" });
        Assert.Equal("decided", denied.GetProperty("state").GetString());
    }

    [Theory]
    [Trait("Source", "seed 000 §5; 民法典 第二百零三条")]
    [InlineData(18, "2026-09-18")] // Friday: decided the same day
    [InlineData(19, "2026-09-20")] // Saturday: the next working day is the make-up Sunday 9/20
    public async Task ImmediateItem_DueTheDayOfReceipt_RedTheNextMorning(int day, string due)
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        await app.SetClockAsync(9, day, 10);
        var caseNo = (await CaseApp.Json(await app.SubmitAsync(CaseApp.SampleApplication("GG-D05-0001", "刘八", "M01"), "immediate-" + day))).GetProperty("caseNo").GetString()!;
        using var window = app.App.ClientFor("acceptor", "D05", "d05-acc", "就业窗口");

        var accepted = await app.OkAsync(window, caseNo, "accept");

        Assert.Equal(due, CaseApp.Deadline(accepted, "decision").GetProperty("due").GetString());
        var dueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        await app.SetClockAsync(new DateTimeOffset(dueDate.Year, dueDate.Month, dueDate.Day, 0, 5, 0, TimeSpan.FromHours(8)));
        await app.SweepAsync();
        Assert.Equal("red", CaseApp.Deadline(await app.CaseAsync(caseNo, window), "decision").GetProperty("status").GetString());
        var alerts = (await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=red"))).EnumerateArray();
        Assert.Contains(alerts, a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "decision" && a.GetProperty("department").GetString() == "D05");
    }

    /// <summary>A plain case approved on 9/18 and posted for 7 cd.</summary>
    private static async Task<string> ApproveAsync(CaseApp app)
    {
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "符合条件", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合法定条件" });
        Assert.Equal("in-publicity", decided.GetProperty("state").GetString());
        return caseNo;
    }
}
