using System.Net;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// Joint approval (联合审批) over HTTP on the sample item XK-D08-0001 (施工许可, lead D08; opinions from D06
/// and D02, 10 wd each; 45 wd): one case received and delivered by the lead; each joint department's
/// reviewer or decider gives its opinion, on its own clock with its own alerts; no decision before every
/// opinion; and, the item requiring one, no decision before a site inspection by two staff with a signed
/// record. Source: 行政许可法 第二十六条, 第四十二条第二款; seed 000 §5(二)6.
/// </summary>
[Trait("Source", "行政许可法 第二十六条, 第四十二条第二款; seed 000 §5(二)6")]
public sealed class JointApprovalAppTests
{
    private const string Item = "XK-D08-0001";

    [Fact]
    public async Task JointCase_OpinionsOnTheirOwnClocks_NoDecisionBeforeAll_LeadDelivers()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        using var leadAcceptor = app.App.ClientFor("acceptor", "D08", "d08-acc", "高受理");
        using var leadA = app.App.ClientFor("reviewer", "D08", "d08-a", "林审查");
        using var leadB = app.App.ClientFor("reviewer", "D08", "d08-b", "何复核");
        using var leadDecider = app.App.ClientFor("decider", "D08", "d08-dec", "罗局长");
        using var leadDeliverer = app.App.ClientFor("deliverer", "D08", "d08-del", "梁送达");
        using var planning = app.App.ClientFor("reviewer", "D06", "d06-rev", "郭规划");
        using var planningAcceptor = app.App.ClientFor("acceptor", "D06", "d06-acc", "马受理");
        using var planningDeliverer = app.App.ClientFor("deliverer", "D06", "d06-del", "宋送达");
        using var environment = app.App.ClientFor("decider", "D02", "d02-dec", "韩处长");
        using var outsider = app.App.ClientFor("reviewer", "D05", "d05-rev", "唐审查");

        var submitted = await app.SubmitAsync(CaseApp.SampleApplication(Item, "郑州某建设有限公司", "M01", "M02", "M03", "M04", "M05"), "joint-1");
        var caseNo = (await CaseApp.Json(submitted)).GetProperty("caseNo").GetString()!;
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(app.Acceptor, caseNo, "accept")).StatusCode); // D01 is not the lead
        var accepted = await app.OkAsync(leadAcceptor, caseNo, "accept");

        // Each joint department's clock: 10 wd from acceptance (9/20 make-up … 10/9); the decision: 45 wd.
        Assert.Equal("2026-10-09", CaseApp.Deadline(accepted, "joint-opinion-D06").GetProperty("due").GetString());
        Assert.Equal("2026-10-09", CaseApp.Deadline(accepted, "joint-opinion-D02").GetProperty("due").GetString());
        var expected = await CaseApp.Json(await app.App.Client.GetAsync("/api/calendar/add?from=2026-09-18&days=45&unit=working"));
        Assert.Equal(expected.GetProperty("date").GetString(), CaseApp.Deadline(accepted, "decision").GetProperty("due").GetString());

        // The joint departments find it on their work list, with their own clock; the lead sees the decision.
        var planningList = await CaseApp.Json(await planning.GetAsync("/api/cases"));
        var planningLine = Assert.Single(planningList.GetProperty("items").EnumerateArray());
        Assert.Equal(caseNo, planningLine.GetProperty("caseNo").GetString());
        Assert.Equal("joint-opinion-D06", planningLine.GetProperty("nextDeadline").GetProperty("kind").GetString());
        Assert.Equal("decision", (await CaseApp.Json(await leadA.GetAsync("/api/cases"))).GetProperty("items")[0].GetProperty("nextDeadline").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await planning.GetAsync($"/api/cases/{caseNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/cases/{caseNo}")).StatusCode);

        // Who may give an opinion: a reviewer or decider of a joint department, for that department, once.
        var opinion = new { opinion = "符合控制性详细规划", recommendation = "approve" };
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(planningAcceptor, caseNo, "joint-opinion", opinion)).StatusCode);
        var stranger = await app.ActAsync(outsider, caseNo, "joint-opinion", opinion);
        Assert.Equal("case.not_joint_department", (await CaseApp.Json(stranger)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(leadA, caseNo, "joint-opinion", opinion)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(planning, caseNo, "review", new { role = "A", opinion = "同意", recommendation = "approve" })).StatusCode);
        var given = await app.OkAsync(planning, caseNo, "joint-opinion", opinion);
        var recorded = Assert.Single(given.GetProperty("jointOpinions").EnumerateArray());
        Assert.Equal("D06", recorded.GetProperty("department").GetString());
        Assert.Equal("approve", recorded.GetProperty("recommendation").GetString());
        Assert.Equal("met", CaseApp.Deadline(given, "joint-opinion-D06").GetProperty("status").GetString());
        Assert.Equal("case.joint_opinion_given", (await CaseApp.Json(await app.ActAsync(planning, caseNo, "joint-opinion", opinion))).GetProperty("code").GetString());
        var malformed = await app.ActAsync(environment, caseNo, "joint-opinion", new { opinion = "同意", recommendation = "maybe" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);

        // The lead reviews and inspects; the decision waits for D02.
        await app.OkAsync(leadA, caseNo, "review", new { role = "A", opinion = "施工条件具备", recommendation = "approve" });
        await app.OkAsync(leadB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        var noInspection = await app.ActAsync(leadDecider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        Assert.Equal(HttpStatusCode.Conflict, noInspection.StatusCode);
        Assert.Equal("case.site_inspection_required", (await CaseApp.Json(noInspection)).GetProperty("code").GetString()); // seed 000 §5(二)6
        var unsigned = await app.ActAsync(leadA, caseNo, "site-inspection", new { inspectors = new[] { "林审查", "何复核" }, report = "施工现场具备开工条件", signedBy = "外人" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsigned.StatusCode);
        var alone = await app.ActAsync(leadA, caseNo, "site-inspection", new { inspectors = new[] { "林审查" }, report = "施工现场具备开工条件", signedBy = "林审查" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, alone.StatusCode);
        await app.OkAsync(leadA, caseNo, "site-inspection", new { inspectors = new[] { "林审查", "何复核" }, report = "施工现场具备开工条件", signedBy = "林审查" });
        var early = await app.ActAsync(leadDecider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await CaseApp.Json(early);
        Assert.Equal("case.joint_opinions_missing", problem.GetProperty("code").GetString());
        Assert.Contains("D02", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // D02 lets its 10 wd pass: a red alert, raised to D02 (not the lead), at the start of the make-up Saturday 10/10.
        await app.SetClockAsync(new DateTimeOffset(2026, 10, 10, 0, 5, 0, TimeSpan.FromHours(8)));
        await app.SweepAsync();
        var red = (await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=red"))).EnumerateArray().Where(a => a.GetProperty("caseNo").GetString() == caseNo).ToList();
        var late = Assert.Single(red);
        Assert.Equal("joint-opinion-D02", late.GetProperty("deadlineKind").GetString());
        Assert.Equal("D02", late.GetProperty("department").GetString());
        Assert.Equal("2026-10-09", late.GetProperty("due").GetString());

        // D02's decider gives it late (still red); the lead decides, extends once by up to 15 wd, delivers.
        await app.SetClockAsync(10, 12, 9);
        var lateOpinion = await app.OkAsync(environment, caseNo, "joint-opinion", new { opinion = "环评批复已取得", recommendation = "approve" });
        Assert.Equal("red", CaseApp.Deadline(lateOpinion, "joint-opinion-D02").GetProperty("status").GetString());
        var extended = await app.OkAsync(leadDecider, caseNo, "extend", new { workingDays = 15, reason = "会办部门意见逾期，需补充审查" });
        Assert.Contains("extension-notice", CaseDocumentsCheck.Listed(extended).Keys);
        var decided = await app.OkAsync(leadDecider, caseNo, "decide", new { outcome = "approve", reasons = "符合《建筑工程施工许可管理办法》第四条" });
        Assert.Equal("in-publicity", decided.GetProperty("state").GetString());
        Assert.Equal(2, decided.GetProperty("jointOpinions").GetArrayLength());
        await app.SetClockAsync(10, 20, 9);
        await app.SweepAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(planningDeliverer, caseNo, "deliver", new { method = "post", recipient = "郑州某建设有限公司" })).StatusCode);
        var delivered = await app.OkAsync(leadDeliverer, caseNo, "deliver", new { method = "post", recipient = "郑州某建设有限公司" });
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        var extension = await CaseDocumentsCheck.ReadAsync(app.App.Client, CaseDocumentsCheck.Listed(delivered)["extension-notice"], caseNo);
        Assert.Contains("第四十二条第二款", extension, StringComparison.Ordinal);
    }
}
