using System.Net;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// The three channels end to end over real HTTP, each from intake to a sealed answer, a follow-up and closure:
/// a ticket from the hotline's queue, one from the mini-program and one through Open311. The hotline is told every
/// change of its ticket (observed on the embedded messaging adapter's <c>ticket-status</c> topic). Written once;
/// <see cref="ComplaintEndToEndTests"/> runs it on the embedded store and <see cref="AzuriteComplaintEndToEndTests"/>
/// on Azure Storage (Azurite).
/// </summary>
public abstract class ComplaintEndToEndScenarios
{
    /// <summary>The app every scenario drives.</summary>
    protected abstract Task<ComplaintApp> StartAppAsync();

    [Fact]
    [Trait("Source", "local 12345 rules (派单, 签收, 办理, 回访, 办结; 办理情况反馈); 信访工作条例 (2022)")]
    public async Task Hotline_QueueToSealedAnswerFollowUpAndClosure_StatusSentBackAtEveryChange()
    {
        await using var app = await StartAppAsync();
        await app.SendHotlineAsync(ComplaintApp.HotlineTicket("HL-E2E-1", department: null));
        await app.DrainHotlineAsync();
        var ticketNo = Assert.Single((await app.GetJsonAsync(app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray()).GetProperty("ticketNo").GetString()!;

        await app.OkAsync(app.Hotline, ticketNo, "assign", new { department = "D01" });
        await app.OkAsync(app.HandlerD01, ticketNo, "accept");
        await app.SetClockAsync(9, 21);
        await app.OkAsync(app.HandlerD01, ticketNo, "explain", new { expectedBy = "2026-10-16", reason = "需现场核查夜间施工许可" });
        await app.SetClockAsync(10, 13);
        var answered = await app.OkAsync(app.HandlerD01, ticketNo, "answer", new { answer = "经核查，该工地夜间施工未办理许可，已责令停止夜间施工并立案调查。" });
        await AssertSealedAsync(app, answered);
        await app.OkAsync(app.Hotline, ticketNo, "follow-up", new { satisfied = true, note = "来电人表示满意" });
        var closed = await app.OkAsync(app.Hotline, ticketNo, "close");

        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.All(closed.GetProperty("deadlines").EnumerateArray(), d => Assert.NotEqual("pending", d.GetProperty("status").GetString()));
        var statuses = await app.StatusMessagesAsync();
        Assert.Equal(["received", "assigned", "in-progress", "answered", "closed"], statuses.Select(s => s.GetProperty("state").GetString()));
        Assert.All(statuses, s => Assert.Equal(("HL-E2E-1", ticketNo), (s.GetProperty("hotlineTicketId").GetString(), s.GetProperty("ticketNo").GetString())));
        Assert.Equal([1, 2, 3, 5, 7], statuses.Select(s => s.GetProperty("seq").GetInt32()));
        Assert.Equal(statuses.Select(s => $"{ticketNo}-{s.GetProperty("seq").GetInt32():D6}"), statuses.Select(s => s.GetProperty("messageId").GetString()));
        Assert.StartsWith("经核查", statuses[3].GetProperty("answerSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal("D01", statuses[4].GetProperty("department").GetString());
        Assert.DoesNotContain(statuses, s => s.GetRawText().Contains("13900002222", StringComparison.Ordinal) || s.GetRawText().Contains("李四", StringComparison.Ordinal));

        await app.App.RunTimerAsync("OutboxPublish");
        Assert.Empty(await app.StatusMessagesAsync()); // everything was sent right after its commit; nothing is sent twice
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制); 信访工作条例 (2022); local 12345 rules (回访)")]
    public async Task MiniProgram_FilingAboutACaseToSealedAnswerFollowUpAndClosure()
    {
        await using var app = await StartAppAsync();
        var caseNo = await SampleApplications.SubmitAsync(app.Citizen);
        var filed = await app.FileOkAsync(ComplaintApp.Complaint(department: null, caseNo: caseNo));
        var ticketNo = filed.GetProperty("ticketNo").GetString()!;
        var queryCode = filed.GetProperty("queryCode").GetString()!;

        await app.OkAsync(app.HandlerD01, ticketNo, "accept");
        var answered = await app.OkAsync(app.HandlerD01, ticketNo, "answer", new { answer = "已核实窗口人员推诿情况，已批评教育并当场受理你的申请。" });
        await AssertSealedAsync(app, answered);
        var followed = await app.GetJsonAsync(app.App.Client, $"/api/complaints/{ticketNo}?queryCode={queryCode}");
        var answerId = app.App.Get<PowerFunctions.App.Features.Documents.DocumentIds>().PublicId($"{ticketNo}-answer-1");
        Assert.Equal(("answered", answerId), (followed.GetProperty("state").GetString(), followed.GetProperty("answers")[0].GetProperty("documentId").GetString()));
        await app.OkAsync(app.Hotline, ticketNo, "follow-up", new { satisfied = true });
        var closed = await app.OkAsync(app.HandlerD01, ticketNo, "close");

        Assert.Equal("closed", closed.GetProperty("state").GetString());
        var caseView = await app.GetJsonAsync(app.Supervisor, $"/api/cases/{caseNo}");
        Assert.Equal("closed", Assert.Single(caseView.GetProperty("tickets").EnumerateArray()).GetProperty("state").GetString());
        Assert.Empty(await app.StatusMessagesAsync()); // not a hotline ticket
    }

    [Fact]
    [Trait("Source", "Open311 GeoReport v2; local 12345 rules (回访, 办结)")]
    public async Task Open311_FormToSealedAnswerFollowUpAndClosure()
    {
        await using var app = await StartAppAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = ComplaintApp.ApiKey,
            ["service_code"] = "consultation-D03",
            ["address_string"] = "郑州市金水区花园路 8 号",
            ["first_name"] = "五",
            ["last_name"] = "王",
            ["email"] = "wangwu@example.cn",
            ["description"] = "污水排入排水管网许可需要哪些材料？",
        });
        var posted = await app.App.Client.PostAsync("/api/open311/v2/requests.json", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var answered = await app.OkAsync(app.HandlerD03, id, "answer", new { answer = "需提交排水许可申请表、排水户内部排水管网图等材料，详见办事指南。" });
        await AssertSealedAsync(app, answered, "市城市管理局");
        await app.OkAsync(app.Hotline, id, "follow-up", new { satisfied = true, note = "邮件回访，满意" });
        await app.SetClockAsync(9, 21);
        await app.OkAsync(app.HandlerD03, id, "close");

        var request = JsonDocument.Parse(await app.App.Client.GetStringAsync($"/api/open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal(("closed", "市城市管理局"), (request.GetProperty("status").GetString(), request.GetProperty("agency_responsible").GetString()));
        var listed = JsonDocument.Parse(await app.App.Client.GetStringAsync("/api/open311/v2/requests.json?status=closed")).RootElement;
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("service_request_id").GetString());
    }

    private static async Task AssertSealedAsync(ComplaintApp app, JsonElement answered, string department = "市市场监督管理局")
    {
        Assert.Equal("answered", answered.GetProperty("state").GetString());
        var document = answered.GetProperty("documents").EnumerateArray().Last();
        var verified = await app.GetJsonAsync(app.App.Client, $"/api/documents/{document.GetProperty("id").GetString()}/verify");
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.GetRawText());
        Assert.Equal(("answer-opinion", department, document.GetProperty("sha256").GetString()), (verified.GetProperty("documentType").GetString(), verified.GetProperty("sealedBy").GetString(), verified.GetProperty("sha256").GetString()));
        var pdf = await app.App.DocumentAsync(document.GetProperty("id").GetString()!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
    }
}
