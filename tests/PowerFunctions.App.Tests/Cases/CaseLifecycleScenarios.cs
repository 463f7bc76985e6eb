using PowerFunctions.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// The lifecycle end to end over real HTTP with the manual clock, across the 2026 中秋 and 国庆 holidays.
/// Written once; <see cref="CaseLifecycleTests"/> runs it on the embedded store and
/// <see cref="AzuriteCaseLifecycleTests"/> on Azure Storage (Azurite).
/// </summary>
public abstract class CaseLifecycleScenarios
{
    /// <summary>The app every scenario drives.</summary>
    protected abstract Task<CaseApp> StartAppAsync();

    [Fact]
    [Trait("Source", "行政许可法 第三十二条, 第四十二条, 第四十四条, 第四十五条; seed 000 §5; seed 002 第十三条")]
    public async Task FullPath_SubmitToPublishedResult_AcrossTheHolidays()
    {
        await using var app = await StartAppAsync();

        // 9/18 (Fri): received, one correction notice listing everything, a second one refused.
        var submitted = await CaseApp.Json(await app.SubmitAsync(CaseApp.Application(FakeCatalog.Full, "张小三"), "full-path"));
        var caseNo = submitted.GetProperty("caseNo").GetString()!;
        var queryCode = submitted.GetProperty("queryCode").GetString()!;
        Assert.Matches(@"^D01-20260918-\d{6}$", caseNo);
        Assert.Equal("2026-09-24", CaseApp.Deadline(submitted, "correction-notice").GetProperty("due").GetString());
        await app.OkAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M2", reason = "身份证明已过期" }, new { code = "M1", reason = "缺少签字页" } } });
        var second = await app.ActAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M3", reason = "再补" } } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await CaseApp.Json(second);
        Assert.Equal("case.invalid_transition", problem.GetProperty("code").GetString());
        Assert.Equal(["supplement", "refuse", "withdraw"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).ToArray());

        // 9/21 (Mon): the applicant supplements; acceptance restarts from the new receipt.
        await app.SetClockAsync(9, 21, 10);
        var supplemented = await app.OkAsync(app.Citizen, caseNo, "supplement", new { materials = new[] { new { code = "M1", name = "申请书" }, new { code = "M2", name = "身份证明" } } });
        Assert.Equal("submitted", supplemented.GetProperty("state").GetString());
        Assert.Equal("2026-09-29", CaseApp.Deadline(supplemented, "correction-notice").GetProperty("due").GetString()); // 22, 23, 24, 28, 29
        var accepted = await app.OkAsync(app.Acceptor, caseNo, "accept");
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        Assert.Equal("2026-10-12", CaseApp.Deadline(accepted, "decision").GetProperty("due").GetString()); // 10 wd: …9/30, 10/8, 10/9, 10/10 (make-up), 10/12

        // A/B review: the acceptor may not review (接办分离), A and B must be two people.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(app.App.ClientFor("reviewer,acceptor", "D01", "acc-1", "李受理"), caseNo, "review", new { role = "A", opinion = "同意", recommendation = "approve" })).StatusCode);
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "材料真实，符合规划条件", recommendation = "approve" });
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(app.ReviewerA, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" })).StatusCode);
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意A角意见", recommendation = "approve" });
        await app.OkAsync(app.ReviewerA, caseNo, "site-inspection", new { inspectors = new[] { "王审查", "赵复核" }, report = "现场与图纸一致", signedBy = "王审查" });

        // 9/22: experts drawn at random from the register (kept by the admin, one third external); the clock stops.
        await app.SetClockAsync(9, 22, 10);
        foreach (var (id, name, external) in new[] { ("E1", "外聘专家甲", true), ("E2", "专家乙", false), ("E3", "专家丙", false) })
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Admin.PutAsJsonAsync($"/api/experts/{id}", new { name, external, fields = new[] { "城乡规划" } })).StatusCode);
        }

        var refused = await app.ActAsync(app.ReviewerA, caseNo, "expert-draw", new { pool = new[] { new { id = "X9", name = "自带专家", external = true } }, count = 1, expectedUntil = "2026-09-25" });
        Assert.Equal("case.expert_pool_not_accepted", (await CaseApp.Json(refused)).GetProperty("code").GetString());
        var drawn = await app.OkAsync(app.ReviewerA, caseNo, "expert-draw", new { count = 2, expectedUntil = "2026-09-25" });
        Assert.Equal("suspended", drawn.GetProperty("state").GetString());
        Assert.Equal(2, drawn.GetProperty("expertDraw").GetProperty("drawn").GetArrayLength());
        var rerun = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/expert-draw/verify"));
        Assert.True(rerun.GetProperty("matches").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await app.ActAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "x" })).StatusCode);

        // 9/24: resumed; 9/22 and 9/23 are not counted.
        await app.SetClockAsync(9, 24, 10);
        var resumed = await app.OkAsync(app.ReviewerA, caseNo, "resume");
        Assert.Equal("2026-10-14", CaseApp.Deadline(resumed, "decision").GetProperty("due").GetString());
        await app.OkAsync(app.Decider, caseNo, "collective-decision", new
        {
            attendees = new[] { "钱局长", "王审查", "赵复核" },
            votes = new[] { new { name = "钱局长", vote = "approve", opinion = "同意" }, new { name = "王审查", vote = "approve", opinion = "同意" }, new { name = "赵复核", vote = "deny", opinion = "日照有影响" } },
            dissent = new[] { new { name = "赵复核", opinion = "对北侧住宅日照有影响" } },
        });
        var extended = await app.OkAsync(app.Decider, caseNo, "extend", new { workingDays = 3, reason = "需征求相关部门意见" });
        Assert.Equal("2026-10-19", CaseApp.Deadline(extended, "decision").GetProperty("due").GetString()); // 10/15, 16, 19
        Assert.Equal(HttpStatusCode.Conflict, (await app.ActAsync(app.Decider, caseNo, "extend", new { workingDays = 2, reason = "再延" })).StatusCode);

        // 9/28: approved; posted 7 cd, the last day (10/5, 国庆) rolled to 10/8.
        await app.SetClockAsync(9, 28, 15);
        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合控制性详细规划" });
        Assert.Equal("in-publicity", decided.GetProperty("state").GetString());
        Assert.Equal("2026-10-08", CaseApp.Deadline(decided, "publicity-end").GetProperty("due").GetString());
        Assert.Equal("met", CaseApp.Deadline(decided, "decision").GetProperty("status").GetString());
        var board = await CaseApp.Json(await app.App.Client.GetAsync("/api/publicity"));
        var posted = board.EnumerateArray().Single(p => p.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("张*三", posted.GetProperty("applicant").GetString());
        Assert.Equal("2026-10-08", posted.GetProperty("publicUntil").GetString());
        Assert.DoesNotContain("13800000000", board.GetRawText(), StringComparison.Ordinal);

        // An objection from the public, shown to the decider.
        var objection = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "李四", contact = "13900000000", content = "影响我家采光" });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        var objectionId = (await CaseApp.Json(objection)).GetProperty("objectionId").GetString();
        var withObjection = await app.CaseAsync(caseNo, app.Decider);
        Assert.Equal("影响我家采光", withObjection.GetProperty("objections")[0].GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await app.ActAsync(app.Deliverer, caseNo, "deliver", new { method = "post", recipient = "张小三" })).StatusCode);

        // 10/9 00:05: publicity is over (swept), the case waits for delivery and leaves the board.
        await app.SetClockAsync(new DateTimeOffset(2026, 10, 9, 0, 5, 0, TimeSpan.FromHours(8)));
        Assert.True(await app.SweepAsync() >= 1);
        var afterPublicity = await app.CaseAsync(caseNo);
        Assert.Equal("awaiting-delivery", afterPublicity.GetProperty("state").GetString());
        Assert.Equal("2026-10-21", CaseApp.Deadline(afterPublicity, "delivery").GetProperty("due").GetString()); // from 10/8: 9, 10 (make-up), 12–16, 19–21
        Assert.DoesNotContain(caseNo, (await CaseApp.Json(await app.App.Client.GetAsync("/api/publicity"))).GetRawText(), StringComparison.Ordinal);

        // Not delivered while the objection is unanswered (seed 000 §5(二)7); the decider dismisses it.
        await app.SetClockAsync(10, 9, 10);
        var blocked = await app.ActAsync(app.Deliverer, caseNo, "deliver", new { method = "electronic", recipient = "张小三" });
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal("case.objection_open", (await CaseApp.Json(blocked)).GetProperty("code").GetString());
        var answered = await app.OkAsync(app.Decider, caseNo, "objection-answer", new { objectionId, finding = "dismissed", reasons = "经核查，建筑间距符合日照标准" });
        Assert.Equal("dismissed", answered.GetProperty("objections")[0].GetProperty("finding").GetString());

        // Delivery, then the scheduled job publishes the result.
        var delivered = await app.OkAsync(app.Deliverer, caseNo, "deliver", new { method = "electronic", recipient = "张小三" });
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        Assert.True(await app.SweepAsync() >= 1);
        var closed = await app.CaseAsync(caseNo);
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal("met", CaseApp.Deadline(closed, "result-publication").GetProperty("status").GetString());
        var results = await CaseApp.Json(await app.App.Client.GetAsync("/api/results"));
        var result = results.EnumerateArray().Single(r => r.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("张*三", result.GetProperty("applicant").GetString());
        Assert.Equal("approve", result.GetProperty("decision").GetString());

        // Documents recorded, the chain intact, the public progress page masked.
        var documents = closed.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("type").GetString()!).ToArray();
        // the expert review's suspension and the extension are told in writing (行政许可法 第四十五条, 第四十二条)
        Assert.Equal(["correction-notice", "acceptance-notice", "suspension-notice", "extension-notice", "approval-decision", "delivery-receipt"], documents);
        Assert.All(closed.GetProperty("documents").EnumerateArray(), d => Assert.Equal(64, d.GetProperty("sha256").GetString()!.Length));
        var verify = await CaseApp.Json(await app.Supervisor.GetAsync($"/api/cases/{caseNo}/audit/verify"));
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(closed.GetProperty("version").GetInt64(), verify.GetProperty("events").GetInt64());
        var progress = await app.App.Client.GetAsync($"/api/cases/{caseNo}/progress?queryCode={queryCode}");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var progressText = await progress.Content.ReadAsStringAsync();
        Assert.Contains("张*三", progressText, StringComparison.Ordinal);
        Assert.DoesNotContain("410102199001011234", progressText, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", progressText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.App.Client.GetAsync($"/api/cases/{caseNo}/progress?queryCode=WRONG12345")).StatusCode);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public async Task DeemedAcceptance_NoNoticeWithinFiveWorkingDays_AcceptedAsOfReceiptAcrossMidAutumn()
    {
        await using var app = await StartAppAsync();
        var caseNo = await app.NewCaseAsync();

        // 9/24 is the 5th working day (9/20 is a make-up Sunday): still running, yellow.
        await app.SetClockAsync(9, 24, 18);
        await app.SweepAsync();
        var running = await app.CaseAsync(caseNo);
        Assert.Equal("submitted", running.GetProperty("state").GetString());
        Assert.Equal("yellow", CaseApp.Deadline(running, "correction-notice").GetProperty("status").GetString());
        var yellow = await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=yellow"));
        Assert.Contains(yellow.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "correction-notice");

        // 9/25 (中秋) just after midnight: deemed accepted as of 9/18, recorded as such.
        await app.SetClockAsync(new DateTimeOffset(2026, 9, 25, 0, 1, 0, TimeSpan.FromHours(8)));
        Assert.True(await app.SweepAsync() >= 1);
        var deemed = await app.CaseAsync(caseNo);
        Assert.Equal("accepted", deemed.GetProperty("state").GetString());
        Assert.True(deemed.GetProperty("acceptance").GetProperty("deemed").GetBoolean());
        Assert.Equal("2026-09-18", deemed.GetProperty("acceptance").GetProperty("acceptedOn").GetString());
        var last = deemed.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("deemed-accepted", last.GetProperty("type").GetString());
        Assert.Equal("system", last.GetProperty("actor").GetString());
        Assert.Equal("red", CaseApp.Deadline(deemed, "correction-notice").GetProperty("status").GetString());
        Assert.Equal("2026-10-09", CaseApp.Deadline(deemed, "decision").GetProperty("due").GetString());
        Assert.Contains(deemed.GetProperty("documents").EnumerateArray(), d => d.GetProperty("type").GetString() == "acceptance-notice");

        // Sweeping again changes nothing.
        await app.SweepAsync();
        Assert.Equal(deemed.GetProperty("version").GetInt64(), (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    public async Task RedAlert_DecisionPastDueOverNationalDay_RaisedOnceThenResolvedByTheDecision()
    {
        await using var app = await StartAppAsync();
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept"); // 9/18: due 10/9

        await app.SetClockAsync(10, 8, 9);
        await app.SweepAsync();
        var yellow = await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=yellow"));
        Assert.Contains(yellow.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "decision");

        await app.SetClockAsync(10, 10, 8);
        Assert.True(await app.SweepAsync() >= 1);
        await app.SweepAsync();
        var red = await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=red"));
        Assert.Single(red.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "decision");
        Assert.Equal("red", CaseApp.Deadline(await app.CaseAsync(caseNo), "decision").GetProperty("status").GetString());

        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "可", recommendation = "deny" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "可", recommendation = "deny" });
        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "deny", reasons = "经营场所不符合要求" });
        Assert.Equal("decided", decided.GetProperty("state").GetString()); // denials are not posted
        Assert.Equal("red", CaseApp.Deadline(decided, "decision").GetProperty("status").GetString()); // decided late stays red
        var open = await CaseApp.Json(await app.Supervisor.GetAsync("/api/supervision/alerts?level=red"));
        // A red alert is a recorded violation (seed 003 预警纠错): met late, it records when and stays for the department to answer.
        var recorded = Assert.Single(open.EnumerateArray(), a => a.GetProperty("caseNo").GetString() == caseNo && a.GetProperty("deadlineKind").GetString() == "decision");
        Assert.Equal("open", recorded.GetProperty("status").GetString());
        Assert.True(recorded.TryGetProperty("resolvedAt", out _));
        var remedies = decided.GetProperty("decision").GetProperty("remedies").GetRawText();
        Assert.Contains("行政复议", remedies, StringComparison.Ordinal);
        Assert.Contains("行政诉讼", remedies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ByTheApplicantBeforeDecision_ClosesTheClocks()
    {
        await using var app = await StartAppAsync();
        var caseNo = await app.NewCaseAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ActAsync(app.OtherCitizen, caseNo, "withdraw", new { reason = "不是我的" })).StatusCode);
        var withdrawn = await app.OkAsync(app.Citizen, caseNo, "withdraw", new { reason = "不再需要" });

        Assert.Equal("withdrawn", withdrawn.GetProperty("state").GetString());
        Assert.Equal(0, withdrawn.GetProperty("allowedActions").GetArrayLength());
    }
}
