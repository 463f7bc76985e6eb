using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// <c>POST /api/complaints</c> from the mini-program: the 201 answer with its clocks, idempotent on the caller's
/// <c>Idempotency-Key</c> as applications are, routing (首问负责) from the department, the case or the item, and
/// every bad request refused with a clear problem and nothing stored.
/// </summary>
public sealed class MiniProgramIntakeTests : IAsyncLifetime
{
    private ComplaintApp _app = null!;

    public async Task InitializeAsync() => _app = await ComplaintApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Source", "信访工作条例 (2022); seed 003 (第五篇 首问负责制); local 12345 rules")]
    public async Task File_Complaint_201WithTicketQueryCodeAndClocks()
    {
        var response = await _app.FileAsync(ComplaintApp.Complaint());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ComplaintApp.Json(response);
        Assert.Matches(@"^T-20260918-\d{6}$", body.GetProperty("ticketNo").GetString());
        Assert.Matches("^[2-9A-HJ-NP-Z]{10}$", body.GetProperty("queryCode").GetString());
        Assert.Equal("assigned", body.GetProperty("state").GetString());
        Assert.Equal("2026-09-18T09:30:00.000+08:00", body.GetProperty("receivedAt").GetString());
        var dispatch = ComplaintApp.Deadline(body, "dispatch");
        Assert.Equal(("2026-09-20", "met"), (dispatch.GetProperty("due").GetString(), dispatch.GetProperty("status").GetString())); // 1 wd: Sun 9/20 is a make-up working day
        Assert.Equal("2026-10-08", ComplaintApp.Deadline(body, "acceptance").GetProperty("due").GetString()); // 15 days: 10/3 falls in 国庆, rolled to 10/8
        Assert.Equal("2026-09-21", ComplaintApp.Deadline(body, "explanation").GetProperty("due").GetString()); // 3 days: Mon 9/21
        Assert.Equal("pending", ComplaintApp.Deadline(body, "explanation").GetProperty("status").GetString());
        Assert.DoesNotContain(body.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "answer"); // petition-type: from acceptance
    }

    [Theory]
    [Trait("Source", "local 12345 rules (咨询、求助 3 个工作日, 建议批评 13 个工作日)")]
    [InlineData("consultation", "2026-09-22")] // 9/20 (make-up), 9/21, 9/22
    [InlineData("help", "2026-09-22")]
    [InlineData("suggestion", "2026-10-13")] // 9/20–9/24 (5), 中秋 9/25–27 off, 9/28–30 (8), 国庆 off, 10/8, 10/9, 10/10 (make-up), 10/12, 10/13 (13)
    public async Task File_HotlineCategory_AnswerClockFromTheDayItReachedTheDepartment(string category, string due)
    {
        var body = await _app.FileOkAsync(ComplaintApp.Complaint(category));

        Assert.Equal(due, ComplaintApp.Deadline(body, "answer").GetProperty("due").GetString());
    }

    [Fact]
    public async Task File_SameKeySameBody_SameTicketReplayedNothingCreatedTwice()
    {
        var first = await _app.FileAsync(ComplaintApp.Complaint(), "key-1");
        var again = await _app.FileAsync(ComplaintApp.Complaint(), "key-1");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await ComplaintApp.Json(first)).GetProperty("ticketNo").GetString(), (await ComplaintApp.Json(again)).GetProperty("ticketNo").GetString());
        var list = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints");
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task File_SameKeyAnotherBody_409AndNothingCreated()
    {
        await _app.FileAsync(ComplaintApp.Complaint(), "key-2");

        var other = await _app.FileAsync(ComplaintApp.Complaint(subject: "另一件事"), "key-2");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("request.idempotency_conflict", await ComplaintApp.CodeOf(other));
        Assert.Single((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task File_SameKeyTwoCallers_TwoTickets()
    {
        var first = await ComplaintApp.Json(await _app.FileAsync(ComplaintApp.Complaint(), "shared"));
        var second = await ComplaintApp.Json(await _app.FileAsync(ComplaintApp.Complaint(), "shared", _app.OtherCitizen));

        Assert.NotEqual(first.GetProperty("ticketNo").GetString(), second.GetProperty("ticketNo").GetString());
    }

    [Fact]
    public async Task File_ConcurrentRetriesOfOneKey_OneTicket()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _app.FileAsync(ComplaintApp.Complaint(), "storm")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var numbers = await Task.WhenAll(answers.Select(async a => (await ComplaintApp.Json(a)).GetProperty("ticketNo").GetString()));
        Assert.Single(numbers.Distinct());
        Assert.Single((await _app.GetJsonAsync(_app.Supervisor, "/api/complaints")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(null, "request.idempotency_key_required")]
    [InlineData("a,b", "request.idempotency_key_invalid")]
    public async Task File_NoOrListedKey_400AndNothingStored(string? key, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(ComplaintApp.Complaint()) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        var response = await _app.Citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await ComplaintApp.CodeOf(response));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("{", "application/json", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("{\"category\":5}", "application/json", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("{\"category\":\"complaint\"}", "text/plain", HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type")]
    [InlineData("category=complaint", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type")]
    public async Task File_NotAJsonBody_ProblemAndNothingStored(string body, string contentType, HttpStatusCode status, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Idempotency-Key", "k");

        var response = await _app.Citizen.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, await ComplaintApp.CodeOf(response));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task File_EverythingWrong_422ListsEveryFieldAndStoresNothing()
    {
        var response = await _app.FileAsync(new
        {
            category = "praise",
            subject = "",
            description = new string('长', 4001),
            department = "D99",
            itemCode = "XK-NONE-0001",
            caseNo = "D01-20260918-999999",
            contact = new { name = "张三", phone = "call me" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ComplaintApp.Json(response);
        Assert.Equal("complaint.validation_failed", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "category", "subject", "description", "department", "itemCode", "caseNo", "contact.phone" }, fields);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("department", "D99")]
    [InlineData("itemCode", "XK-D99-0001")]
    [InlineData("caseNo", "D01-20260918-000777")]
    public async Task File_NamesWhatDoesNotExist_422NamingItAndNothingStored(string field, string value)
    {
        var body = new Dictionary<string, object?>
        {
            ["category"] = "complaint",
            ["subject"] = "窗口推诿",
            ["description"] = "拒收材料",
            ["contact"] = new { name = "张小三", phone = "13800001234" },
            [field] = value,
        };

        var response = await _app.FileAsync(body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await ComplaintApp.Json(response)).GetProperty("errors").TryGetProperty(field, out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task File_NamingACase_RoutedToItsDepartmentAndListedOnTheCaseView()
    {
        var caseNo = await SampleApplications.SubmitAsync(_app.Citizen);

        var body = await _app.FileOkAsync(ComplaintApp.Complaint(department: null, caseNo: caseNo));

        var ticketNo = body.GetProperty("ticketNo").GetString()!;
        var ticket = await _app.TicketAsync(ticketNo);
        Assert.Equal("D01", ticket.GetProperty("department").GetString());
        Assert.Equal(caseNo, ticket.GetProperty("caseNo").GetString());
        var caseView = await _app.GetJsonAsync(_app.Client("acceptor", "D01", "acc-1", "李受理"), $"/api/cases/{caseNo}");
        var listed = Assert.Single(caseView.GetProperty("tickets").EnumerateArray());
        Assert.Equal(ticketNo, listed.GetProperty("ticketNo").GetString());
        Assert.Equal(("complaint", "assigned", "D01"), (listed.GetProperty("category").GetString(), listed.GetProperty("state").GetString(), listed.GetProperty("department").GetString()));
        Assert.False(listed.TryGetProperty("contact", out _));
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制)")]
    public async Task File_NamingAnItem_RoutedToTheDepartmentExercisingIt()
    {
        var body = await _app.FileOkAsync(ComplaintApp.Complaint(department: null, itemCode: "XK-D02-0001"));

        Assert.Equal("D02", (await _app.TicketAsync(body.GetProperty("ticketNo").GetString()!)).GetProperty("department").GetString());
    }

    [Fact]
    [Trait("Source", "seed 003 (第五篇 首问负责制); local 12345 rules (派单)")]
    public async Task File_NoDepartmentCaseOrItem_ReceivedAwaitingDispatch()
    {
        var body = await _app.FileOkAsync(ComplaintApp.Complaint("consultation", department: null));

        Assert.Equal("received", body.GetProperty("state").GetString());
        var dispatch = ComplaintApp.Deadline(body, "dispatch");
        Assert.Equal(("2026-09-20", "yellow"), (dispatch.GetProperty("due").GetString(), dispatch.GetProperty("status").GetString())); // its last working day before the due date is today
    }

    [Fact]
    public async Task File_AsAHandler_403()
    {
        var response = await _app.FileAsync(ComplaintApp.Complaint(), client: _app.HandlerD01);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        var list = await _app.GetJsonAsync(_app.Supervisor, "/api/complaints");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Empty(await _app.StatusMessagesAsync());
    }
}
