using System.Net;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// An incomplete application (行政许可法 第三十二条) through the app as it ships — the sample catalog, the real
/// document issuer, the manual clock on real 2026 dates across 中秋 and 国庆 — over HTTP: received with what it
/// lacks, the one correction notice naming it, supplemented, accepted, suspended and extended with written
/// notices, decided, posted, delivered; every document it issued read back as an official would sign it.
/// </summary>
[Trait("Source", "行政许可法 第三十二条")]
public sealed class IncompleteApplicationLifecycleTests
{
    private const string Item = "XK-D01-0002"; // 食品经营许可: M01–M04 required, 10 wd promised, publicised

    [Fact]
    public async Task IncompleteApplication_ReceivedNoticedSupplementedToDelivery_EveryNoticeSealedAndReadable()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();

        // Fri 9/18: M04 is missing. Received all the same: 201, missingMaterials, the 5 wd clock (9/20 make-up … 9/24).
        var submitted = await app.SubmitAsync(CaseApp.SampleApplication(Item, "张小三", "M01", "M02", "M03"), "incomplete-1");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = await CaseApp.Json(submitted);
        var caseNo = receipt.GetProperty("caseNo").GetString()!;
        var queryCode = receipt.GetProperty("queryCode").GetString()!;
        Assert.Equal("submitted", receipt.GetProperty("state").GetString());
        var missing = Assert.Single(receipt.GetProperty("missingMaterials").EnumerateArray());
        Assert.Equal("M04", missing.GetProperty("code").GetString());
        Assert.Equal("食品安全自查、从业人员健康管理等保证食品安全的规章制度", missing.GetProperty("name").GetString());
        Assert.Equal("2026-09-24", CaseApp.Deadline(receipt, "correction-notice").GetProperty("due").GetString());
        Assert.Equal("M04", (await app.CaseAsync(caseNo)).GetProperty("missingMaterials")[0].GetProperty("code").GetString());

        // It cannot be accepted as it is; a notice that leaves M04 out is not the one notice the law asks for.
        var accept = await app.ActAsync(app.Acceptor, caseNo, "accept");
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Equal("case.materials_incomplete", (await CaseApp.Json(accept)).GetProperty("code").GetString());
        var partial = await app.ActAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M03", reason = "布局图未标注尺寸" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
        Assert.Contains("M04", (await CaseApp.Json(partial)).GetProperty("errors").GetProperty("missing")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());

        // Mon 9/21: the one notice, naming M04 and a defect of M03.
        await app.SetClockAsync(9, 21, 9);
        var noticed = await app.OkAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M04", reason = "未提交" }, new { code = "M03", reason = "布局图未标注尺寸" } } });
        Assert.Equal("correction-requested", noticed.GetProperty("state").GetString());
        Assert.Equal("met", CaseApp.Deadline(noticed, "correction-notice").GetProperty("status").GetString());

        // Tue 9/22: supplemented; accepted the same day. Decision due 10 wd later across 中秋 and 国庆.
        await app.SetClockAsync(9, 22, 10);
        var supplemented = await app.OkAsync(app.Citizen, caseNo, "supplement", new { materials = new[] { new { code = "M03", name = "布局图（已标注）" }, new { code = "M04", name = "食品安全管理制度" } } });
        Assert.Equal("submitted", supplemented.GetProperty("state").GetString());
        Assert.Empty(supplemented.GetProperty("missingMaterials").EnumerateArray());
        var accepted = await app.OkAsync(app.Acceptor, caseNo, "accept");
        Assert.Equal("2026-10-13", CaseApp.Deadline(accepted, "decision").GetProperty("due").GetString()); // 23, 24, 28, 29, 30, 10/8, 9, 10 (make-up), 12, 13

        // Reviews A and B; Wed 9/23 a suspension as API.md writes it ({reason, note}); resumed Fri 9/24.
        await app.SetClockAsync(9, 23, 9);
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "材料齐全，经营场所符合要求", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意A角意见", recommendation = "approve" });
        var suspended = await app.OkAsync(app.ReviewerA, caseNo, "suspend", new { reason = "inspection", note = "委托检测机构检测冷藏设备" });
        Assert.Equal("suspended", suspended.GetProperty("state").GetString());
        Assert.Contains("suspension-notice", CaseDocumentsCheck.Listed(suspended).Keys);
        await app.SetClockAsync(9, 24, 16);
        var resumed = await app.OkAsync(app.ReviewerA, caseNo, "resume");
        Assert.Equal("2026-10-14", CaseApp.Deadline(resumed, "decision").GetProperty("due").GetString()); // 9/23 not counted

        // Mon 9/28: extended by 3 wd, told in writing; then approved and posted until 10/8 (10/5 rolled over 国庆).
        await app.SetClockAsync(9, 28, 10);
        var extended = await app.OkAsync(app.Decider, caseNo, "extend", new { workingDays = 3, reason = "需核实冷链运输资质" });
        Assert.Equal("2026-10-19", CaseApp.Deadline(extended, "decision").GetProperty("due").GetString());
        Assert.Contains("extension-notice", CaseDocumentsCheck.Listed(extended).Keys);
        var decided = await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合《食品经营许可和备案管理办法》规定的条件" });
        Assert.Equal("in-publicity", decided.GetProperty("state").GetString());
        var posted = JsonDocument.Parse(await app.App.Client.GetStringAsync("/api/publicity")).RootElement;
        var line = posted.EnumerateArray().Single(p => p.GetProperty("caseNo").GetString() == caseNo);
        Assert.Equal("张*三", line.GetProperty("applicant").GetString());
        Assert.Equal("2026-10-08", line.GetProperty("publicUntil").GetString());

        // Fri 10/9: publicity is over (sweep), the decision is delivered within its 10 wd.
        await app.SetClockAsync(10, 9, 9);
        Assert.True(await app.SweepAsync() >= 1);
        Assert.Equal("awaiting-delivery", (await app.CaseAsync(caseNo)).GetProperty("state").GetString());
        var delivered = await app.OkAsync(app.Deliverer, caseNo, "deliver", new { method = "electronic", recipient = "张小三" });
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        Assert.DoesNotContain(JsonDocument.Parse(await app.App.Client.GetStringAsync("/api/publicity")).RootElement.EnumerateArray(), p => p.GetProperty("caseNo").GetString() == caseNo);

        // Every document of the case, read back: one each, each fact once, no missing glyph, 禁则 kept.
        var documents = CaseDocumentsCheck.Listed(delivered);
        Assert.Equal(["acceptance-notice", "approval-decision", "correction-notice", "delivery-receipt", "extension-notice", "suspension-notice"], documents.Keys.Order(StringComparer.Ordinal));
        var correction = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["correction-notice"], caseNo);
        Assert.Contains("食品安全自查、从业人员健康管理等保证食品安全的规章制度（M04）：未提交", correction, StringComparison.Ordinal);
        Assert.Contains("（M03）：布局图未标注尺寸", correction, StringComparison.Ordinal);
        Assert.Contains("一次性告知", correction, StringComparison.Ordinal);
        var acceptance = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["acceptance-notice"], caseNo);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(acceptance, "予以受理"));
        Assert.Contains("作出决定期限2026年10月13日前", acceptance, StringComparison.Ordinal);
        Assert.Contains("查询码" + queryCode, acceptance, StringComparison.Ordinal);
        var suspension = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["suspension-notice"], caseNo);
        Assert.Contains("特别程序告知书", suspension, StringComparison.Ordinal);
        Assert.Contains("检测所需时间不计算在行政许可期限内", suspension, StringComparison.Ordinal);
        Assert.Contains("开始日期2026年9月23日", suspension, StringComparison.Ordinal);
        Assert.Contains("委托检测机构检测冷藏设备", suspension, StringComparison.Ordinal);
        Assert.Contains("第四十五条", suspension, StringComparison.Ordinal);
        var extension = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["extension-notice"], caseNo);
        Assert.Contains("原决定期限2026年10月14日前", extension, StringComparison.Ordinal);
        Assert.Contains("延长后决定期限2026年10月19日前", extension, StringComparison.Ordinal);
        Assert.Contains("需核实冷链运输资质", extension, StringComparison.Ordinal);
        Assert.Contains("批准负责人钱局长", extension, StringComparison.Ordinal);
        var decision = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["approval-decision"], caseNo);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(decision, "决定准予行政许可"));
        var delivery = await CaseDocumentsCheck.ReadAsync(app.App.Client, documents["delivery-receipt"], caseNo);
        Assert.Contains("电子送达", delivery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncompleteApplication_NoNoticeWithinFiveWorkingDays_DeemedAcceptedAsOfReceipt_NoticeSaysSo()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var submitted = await app.SubmitAsync(CaseApp.SampleApplication(Item, "张小三", "M01", "M02"), "incomplete-2");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var caseNo = (await CaseApp.Json(submitted)).GetProperty("caseNo").GetString()!;

        // The 5th working day (Thu 9/24) is still the acceptor's; from Fri 9/25 00:00 the law accepts it.
        await app.SetClockAsync(new DateTimeOffset(2026, 9, 24, 23, 59, 0, TimeSpan.FromHours(8)));
        await app.SweepAsync();
        Assert.Equal("submitted", (await app.CaseAsync(caseNo)).GetProperty("state").GetString());
        await app.SetClockAsync(new DateTimeOffset(2026, 9, 25, 0, 5, 0, TimeSpan.FromHours(8)));
        Assert.True(await app.SweepAsync() >= 1);

        var view = await app.CaseAsync(caseNo);
        Assert.Equal("accepted", view.GetProperty("state").GetString());
        Assert.True(view.GetProperty("acceptance").GetProperty("deemed").GetBoolean());
        Assert.Equal("2026-09-18", view.GetProperty("acceptance").GetProperty("acceptedOn").GetString());
        Assert.Equal("2026-10-09", CaseApp.Deadline(view, "decision").GetProperty("due").GetString()); // 10 wd from 9/18
        Assert.Equal("red", CaseApp.Deadline(view, "correction-notice").GetProperty("status").GetString());
        var late = await app.ActAsync(app.Acceptor, caseNo, "correction-notice", new { missing = new[] { new { code = "M03", reason = "未提交" }, new { code = "M04", reason = "未提交" } } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var notice = await CaseDocumentsCheck.ReadAsync(app.App.Client, CaseDocumentsCheck.Listed(view)["acceptance-notice"], caseNo);
        Assert.Contains("五个工作日内未告知补正", notice, StringComparison.Ordinal);
        Assert.Contains("自收到申请材料之日起即为受理", notice, StringComparison.Ordinal);
        Assert.Contains("第三十二条第一款第（四）项", notice, StringComparison.Ordinal);
        Assert.Contains("作出决定期限2026年10月9日前", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusalAndDenial_ThroughTheCasePath_NoticesReadableWithReasonsAndRemedies()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        var refusedCase = (await CaseApp.Json(await app.SubmitAsync(CaseApp.SampleApplication(Item, "李四", "M01", "M02", "M03", "M04"), "refuse-1"))).GetProperty("caseNo").GetString()!;
        var deniedCase = (await CaseApp.Json(await app.SubmitAsync(CaseApp.SampleApplication(Item, "王五", "M01", "M02", "M03", "M04"), "deny-1"))).GetProperty("caseNo").GetString()!;

        var refused = await app.OkAsync(app.Acceptor, refusedCase, "refuse", new { reason = "申请事项依法不需要取得行政许可" });
        await app.OkAsync(app.Acceptor, deniedCase, "accept");
        await app.OkAsync(app.ReviewerA, deniedCase, "review", new { role = "A", opinion = "经营场所与申报不符", recommendation = "deny" });
        await app.OkAsync(app.ReviewerB, deniedCase, "review", new { role = "B", opinion = "同意", recommendation = "deny" });
        var denied = await app.OkAsync(app.Decider, deniedCase, "decide", new { outcome = "deny", reasons = "经营场所与申报材料不一致，不符合法定条件" });

        Assert.Equal("decided", denied.GetProperty("state").GetString()); // a denial is never posted: it waits for delivery
        var refusal = await CaseDocumentsCheck.ReadAsync(app.App.Client, CaseDocumentsCheck.Listed(refused)["refusal-notice"], refusedCase);
        Assert.Contains("决定不予受理", refusal, StringComparison.Ordinal);
        Assert.Contains("申请事项依法不需要取得行政许可", refusal, StringComparison.Ordinal);
        Assert.Contains("行政复议", refusal, StringComparison.Ordinal);
        var denial = await CaseDocumentsCheck.ReadAsync(app.App.Client, CaseDocumentsCheck.Listed(denied)["denial-decision"], deniedCase);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(denial, "决定不予行政许可"));
        Assert.Contains("经营场所与申报材料不一致", denial, StringComparison.Ordinal);
        Assert.Contains("行政诉讼", denial, StringComparison.Ordinal);
    }
}
