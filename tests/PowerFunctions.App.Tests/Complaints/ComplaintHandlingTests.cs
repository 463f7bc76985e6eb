using System.Net;
using System.Text.Json;
using PowerFunctions.App.Tests.Documents;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// A ticket handled over HTTP: who sees it (and the filer), the actions by role per API.md (assign by the hotline or a
/// supervisor; transfer, accept, explain, answer by the owning department's handler; follow-up, reopen, close by it,
/// the hotline or a supervisor), 首问负责 across a transfer, the sealed 答复意见书, the follow-up before closure, and
/// every refusal a problem that changes nothing.
/// </summary>
public sealed class ComplaintHandlingTests : IAsyncLifetime
{
    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The public id of the answer the ticket's round issues (an HMAC of its deterministic id).</summary>
    private string PublicId(string deterministicId) => _app.App.Get<PowerFunctions.App.Features.Documents.DocumentIds>().PublicId(deterministicId);

    [Fact]
    [Trait("Source", "信访工作条例 (2022); seed 003 (第五篇 首问负责制)")]
    public async Task Get_ByViewer_OwnerHotlineSupervisorAndFilerOnly()
    {
        var filed = await _app.FileOkAsync();
        var ticketNo = filed.GetProperty("ticketNo").GetString()!;
        var queryCode = filed.GetProperty("queryCode").GetString()!;

        var owner = await _app.TicketAsync(ticketNo, _app.HandlerD01);
        Assert.Equal("张小三", owner.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal(["transfer", "accept", "explain", "answer"], owner.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("\"1\"", (await _app.HandlerD01.GetAsync($"/api/complaints/{ticketNo}")).Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, (await _app.Supervisor.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Hotline.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.HandlerD02.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.OtherCitizen.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.App.Client.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);

        var byCode = await _app.GetJsonAsync(_app.App.Client, $"/api/complaints/{ticketNo}?queryCode={queryCode.ToLowerInvariant()}");
        Assert.Equal("assigned", byCode.GetProperty("state").GetString());
        Assert.Equal("filer", byCode.GetProperty("events")[0].GetProperty("actor").GetString());
        Assert.False(byCode.GetProperty("events")[0].TryGetProperty("hash", out _));
        var signedIn = await _app.GetJsonAsync(_app.Citizen, $"/api/complaints/{ticketNo}");
        Assert.False(signedIn.TryGetProperty("allowedActions", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.App.Client.GetAsync($"/api/complaints/{ticketNo}?queryCode=WRONGCODE2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.App.Client.GetAsync("/api/complaints/T-20260918-999999?queryCode=" + queryCode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Supervisor.GetAsync("/api/complaints/T-20260918-999999")).StatusCode);
    }

    [Fact]
    [Trait("Source", "信访工作条例 (2022)")]
    public async Task Report_Reporter_NeverShownToTheDepartmentMaskedInListsWholeToSupervisors()
    {
        var filed = await _app.FileOkAsync(ComplaintApp.Complaint("report"));
        var ticketNo = filed.GetProperty("ticketNo").GetString()!;

        var department = await _app.TicketAsync(ticketNo, _app.HandlerD01);
        Assert.False(department.TryGetProperty("contact", out _));
        Assert.Equal(("filer", "诉求人"), (department.GetProperty("events")[0].GetProperty("actor").GetString(), department.GetProperty("events")[0].GetProperty("actorName").GetString()));
        Assert.DoesNotContain("张小三", department.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", department.GetRawText(), StringComparison.Ordinal);
        Assert.False((await _app.TicketAsync(ticketNo, _app.Hotline)).TryGetProperty("contact", out _));
        var supervisor = await _app.TicketAsync(ticketNo, _app.Supervisor);
        Assert.Equal("13800001234", supervisor.GetProperty("contact").GetProperty("phone").GetString());

        var handlerList = await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints");
        Assert.False(Assert.Single(handlerList.GetProperty("items").EnumerateArray()).TryGetProperty("contact", out _));
        var supervisorList = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints");
        var contact = Assert.Single(supervisorList.GetProperty("items").EnumerateArray()).GetProperty("contact");
        Assert.Equal(("张*三", "138****1234"), (contact.GetProperty("name").GetString(), contact.GetProperty("phone").GetString()));

        var answered = await AnswerAsync(ticketNo);
        var pdf = await _app.App.DocumentAsync(answered.GetProperty("documents")[0].GetProperty("id").GetString()!);
        var text = PdfTools.ExtractText(pdf);
        Assert.Contains("答复意见书", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张小三", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Source", "local 12345 rules (派单); seed 003 (第五篇 首问负责制)")]
    public async Task Assign_ByRole_HotlineOrSupervisorToAnExistingDepartment()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation", department: null))).GetProperty("ticketNo").GetString()!;

        var byHandler = await _app.ActAsync(_app.HandlerD01, ticketNo, "assign", new { department = "D01" });
        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal("complaint.role_not_allowed", await ComplaintApp.CodeOf(byHandler));
        var unknown = await _app.ActAsync(_app.Hotline, ticketNo, "assign", new { department = "D99" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(1, (await _app.TicketAsync(ticketNo)).GetProperty("version").GetInt32());

        var assigned = await _app.OkAsync(_app.Hotline, ticketNo, "assign", new { department = "D02" });

        Assert.Equal(("assigned", "D02"), (assigned.GetProperty("state").GetString(), assigned.GetProperty("department").GetString()));
        Assert.Equal("met", ComplaintApp.Deadline(assigned, "dispatch").GetProperty("status").GetString());
        var again = await _app.ActAsync(_app.Supervisor, ticketNo, "assign", new { department = "D03" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await ComplaintApp.Json(again);
        Assert.Equal("complaint.invalid_transition", problem.GetProperty("code").GetString());
        Assert.Equal(["transfer", "accept", "explain", "answer"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task Transfer_StaysWithTheOwnerUntilAcceptedAndNoClockRestarts()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;
        var before = await _app.TicketAsync(ticketNo);

        var transferred = await _app.OkAsync(_app.HandlerD01, ticketNo, "transfer", new { department = "D02", reason = "属于生态环境部门职责" });

        Assert.Equal("D01", transferred.GetProperty("department").GetString());
        Assert.Equal("D02", transferred.GetProperty("pendingTransfer").GetProperty("to").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _app.HandlerD02.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.ActAsync(_app.HandlerD02, ticketNo, "answer", new { answer = "不归我们" })).StatusCode);
        var d02List = await _app.GetJsonAsync(_app.HandlerD02, "/api/complaints");
        Assert.Equal("D02", Assert.Single(d02List.GetProperty("items").EnumerateArray()).GetProperty("transferTo").GetString());

        await _app.SetClockAsync(9, 21);
        var accepted = await _app.OkAsync(_app.HandlerD02, ticketNo, "accept");

        Assert.Equal(("in-progress", "D02"), (accepted.GetProperty("state").GetString(), accepted.GetProperty("department").GetString()));
        Assert.Equal(ComplaintApp.Deadline(before, "answer").GetProperty("due").GetString(), ComplaintApp.Deadline(accepted, "answer").GetProperty("due").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.HandlerD01.GetAsync($"/api/complaints/{ticketNo}")).StatusCode);
        var notOwner = await _app.ActAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "已处理" });
        Assert.Equal("complaint.not_owner", await ComplaintApp.CodeOf(notOwner));
        Assert.Empty((await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints")).GetProperty("items").EnumerateArray());
        Assert.Single((await _app.GetJsonAsync(_app.HandlerD02, "/api/complaints")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task Explain_WithADate_MeetsTheThreeDayClock()
    {
        var ticketNo = (await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!;
        await _app.OkAsync(_app.HandlerD01, ticketNo, "accept");

        var badDate = await _app.ActAsync(_app.HandlerD01, ticketNo, "explain", new { expectedBy = "10月20日", reason = "需调阅监控" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        await _app.SetClockAsync(9, 21);
        var explained = await _app.OkAsync(_app.HandlerD01, ticketNo, "explain", new { expectedBy = "2026-10-20", reason = "需调阅监控并约谈窗口人员" });

        var clock = ComplaintApp.Deadline(explained, "explanation");
        Assert.Equal(("met", "2026-09-21"), (clock.GetProperty("status").GetString(), clock.GetProperty("resolvedOn").GetString()));
        Assert.Equal("2026-10-20", explained.GetProperty("explanations")[0].GetProperty("expectedBy").GetString());
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访 before 办结); 信访工作条例 (2022)")]
    public async Task Answer_SealedOpinionThenFollowUpBeforeClosure()
    {
        var ticketNo = (await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!;
        var answeredTooSoon = await _app.ActAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "已处理" });
        Assert.Equal("complaint.acceptance_required", await ComplaintApp.CodeOf(answeredTooSoon));

        var answered = await AnswerAsync(ticketNo);

        Assert.Equal("answered", answered.GetProperty("state").GetString());
        var document = answered.GetProperty("documents")[0];
        Assert.Equal((PublicId($"{ticketNo}-answer-1"), "answer-opinion"), (document.GetProperty("id").GetString(), document.GetProperty("type").GetString()));
        var verified = await _app.GetJsonAsync(_app.App.Client, $"/api/documents/{document.GetProperty("id").GetString()}/verify");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("answer-opinion", verified.GetProperty("documentType").GetString());
        Assert.Equal("市市场监督管理局", verified.GetProperty("sealedBy").GetString());
        var tooEarly = await _app.ActAsync(_app.HandlerD01, ticketNo, "close");
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("complaint.follow_up_required", await ComplaintApp.CodeOf(tooEarly));

        await _app.OkAsync(_app.Hotline, ticketNo, "follow-up", new { satisfied = true, note = "满意" });
        var closed = await _app.OkAsync(_app.HandlerD01, ticketNo, "close");

        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Empty((await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?state=in-progress")).GetProperty("items").EnumerateArray());
        Assert.Single((await _app.GetJsonAsync(_app.HandlerD01, "/api/complaints?state=closed")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    [Trait("Source", "local 12345 rules (回访不满意 → 重办)")]
    public async Task FollowUp_Dissatisfied_DepartmentCannotCloseReopenedWithANewAnswerClock()
    {
        var ticketNo = (await _app.FileOkAsync(ComplaintApp.Complaint("consultation"))).GetProperty("ticketNo").GetString()!;
        await _app.OkAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "请按指南准备材料。" });
        await _app.OkAsync(_app.Hotline, ticketNo, "follow-up", new { satisfied = false, note = "答复没有解决问题" });

        var close = await _app.ActAsync(_app.HandlerD01, ticketNo, "close");
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal("complaint.dissatisfied_close_needs_supervision", await ComplaintApp.CodeOf(close));
        await _app.SetClockAsync(9, 22);
        var reopened = await _app.OkAsync(_app.Hotline, ticketNo, "reopen", new { reason = "回访不满意，重新办理" });

        Assert.Equal(("reopened", 2), (reopened.GetProperty("state").GetString(), reopened.GetProperty("round").GetInt32()));
        var round2 = ComplaintApp.Deadline(reopened, "answer", 2);
        Assert.Equal(("2026-09-22", "2026-09-28"), (round2.GetProperty("startedOn").GetString(), round2.GetProperty("due").GetString())); // 9/23, 9/24, (中秋) 9/28
        var again = await _app.OkAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "已现场指导办理。" });
        Assert.Equal(PublicId($"{ticketNo}-answer-2"), again.GetProperty("documents")[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Command_StaleIfMatch_412AndNothingChanged()
    {
        var ticketNo = (await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!;

        var stale = await _app.ActAsync(_app.HandlerD01, ticketNo, "accept", null, "\"7\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("assigned", (await _app.TicketAsync(ticketNo)).GetProperty("state").GetString());
        var fresh = await _app.ActAsync(_app.HandlerD01, ticketNo, "accept", null, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("\"2\"", fresh.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("handler", "D01", "reopen", "{\"reason\":\"x\"}", HttpStatusCode.Conflict, "complaint.invalid_transition")]
    [InlineData("handler", "D01", "praise", "{}", HttpStatusCode.NotFound, "complaint.unknown_action")]
    [InlineData("handler", "D01", "transfer", "{\"department\":\"D02\"}", HttpStatusCode.UnprocessableEntity, "complaint.validation_failed")]
    [InlineData("handler", "D01", "transfer", "{\"department\":\"D01\",\"reason\":\"x\"}", HttpStatusCode.UnprocessableEntity, "complaint.validation_failed")]
    [InlineData("handler", "D01", "transfer", "{\"department\":", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("handler", "D01", "follow-up", "{\"satisfied\":\"yes\"}", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("handler", "D01", "accept", "[1]", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("handler", "", "accept", "{}", HttpStatusCode.Forbidden, "auth.forbidden")]
    [InlineData("handler", "D02", "accept", "{}", HttpStatusCode.Forbidden, "complaint.not_owner")]
    [InlineData("hotline", "", "answer", "{\"answer\":\"x\"}", HttpStatusCode.Forbidden, "complaint.role_not_allowed")]
    [InlineData("citizen", "", "accept", "{}", HttpStatusCode.Forbidden, "auth.forbidden")]
    [InlineData("acceptor", "D01", "accept", "{}", HttpStatusCode.Forbidden, "auth.forbidden")]
    public async Task Command_Refused_ProblemAndNothingChanged(string role, string department, string action, string body, HttpStatusCode status, string code)
    {
        var ticketNo = (await _app.FileOkAsync()).GetProperty("ticketNo").GetString()!;
        var client = _app.Client(role, department, "someone", "某人");

        var response = await client.PostAsync($"/api/complaints/{ticketNo}/{action}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, await ComplaintApp.CodeOf(response));
        var ticket = await _app.TicketAsync(ticketNo);
        Assert.Equal((1, "assigned"), (ticket.GetProperty("version").GetInt32(), ticket.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Command_UnknownTicket_404()
    {
        var response = await _app.ActAsync(_app.HandlerD01, "T-20260918-999999", "accept");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("complaint.not_found", await ComplaintApp.CodeOf(response));
    }

    private async Task<JsonElement> AnswerAsync(string ticketNo)
    {
        await _app.OkAsync(_app.HandlerD01, ticketNo, "accept");
        return await _app.OkAsync(_app.HandlerD01, ticketNo, "answer", new { answer = "经核查，窗口人员确有推诿，已责令整改并向你致歉。" });
    }
}
