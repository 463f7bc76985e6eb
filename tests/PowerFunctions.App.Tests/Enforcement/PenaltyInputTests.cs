using System.Net;
using System.Text;
using PowerFunctions.App.Features.Enforcement;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>
/// Bad input to the penalty routes gets a clear problem+json and changes nothing; the forms API.md leaves
/// open are read (a source as a string or an object, an address or none); an opening retried with its
/// Idempotency-Key opens one case; a stale If-Match answers 412.
/// </summary>
public sealed class PenaltyInputTests(EnforcementFixture fixture) : IClassFixture<EnforcementFixture>
{
    private EnforcementApp App => fixture.App;

    private PenaltyStore Store => App.App.Get<PenaltyStore>();

    [Theory]
    [InlineData("{\"itemCode\":", HttpStatusCode.BadRequest, "request.malformed_json")]
    [InlineData("{\"itemCode\":\"CF-D04-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"123\"},\"facts\":\"x\",\"source\":\"inspection\"}", HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed")]
    [InlineData("{\"itemCode\":\"CF-D04-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"410102199001011234\"},\"facts\":\" \",\"source\":\"inspection\"}", HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed")]
    [InlineData("{\"itemCode\":\"CF-D04-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"410102199001011234\"},\"facts\":\"x\",\"source\":\"gossip\"}", HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed")]
    [InlineData("{\"itemCode\":\"CF-D04-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"410102199001011234\"},\"facts\":\"x\",\"source\":\"complaint\"}", HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed")]
    [InlineData("{\"party\":{\"name\":\"张小三\"},\"facts\":\"x\",\"source\":\"inspection\"}", HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed")]
    [InlineData("{\"itemCode\":\"XK-D01-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"410102199001011234\"},\"facts\":\"x\",\"source\":\"inspection\"}", HttpStatusCode.UnprocessableEntity, "enforcement.not_a_penalty_item")]
    [InlineData("{\"itemCode\":\"NOPE-0001\",\"party\":{\"name\":\"张小三\",\"idType\":\"身份证\",\"idNumber\":\"410102199001011234\"},\"facts\":\"x\",\"source\":\"inspection\"}", HttpStatusCode.NotFound, "catalog.item_not_found")]
    public async Task Open_BadBody_ProblemAndNoCase(string body, HttpStatusCode status, string code)
    {
        await App.SetClockAsync(9, 18);
        var before = (await Store.OpenCasesAsync(CancellationToken.None)).Count;

        var response = await App.OfficerA.PostAsync("/api/enforcement/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await EnforcementApp.AssertProblemAsync(response, status, code);
        if (status == HttpStatusCode.UnprocessableEntity)
        {
            Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        }

        Assert.Equal(before, (await Store.OpenCasesAsync(CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("\"inspection\"", "inspection", null)]
    [InlineData("\"投诉举报\"", null, null)]                                   // a complaint must name its ticket
    [InlineData("\"complaint:D04-20260915-000031\"", "complaint", "D04-20260915-000031")]
    [InlineData("{\"kind\":\"referral\",\"reference\":\"市公安局移送函〔2026〕12号\"}", "referral", "市公安局移送函〔2026〕12号")]
    public async Task Open_SourceAsStringOrObject_Read(string source, string? kind, string? reference)
    {
        await App.SetClockAsync(9, 18);
        var body = $"{{\"itemCode\":\"CF-D04-0001\",\"party\":{{\"name\":\"郑州某某机械有限公司\",\"idType\":\"credit-code\",\"idNumber\":\"91410100MA44B1234X\",\"address\":\"郑州市金水区某路1号\"}},\"facts\":\"未培训上岗\",\"source\":{source}}}";

        var response = await App.OfficerA.PostAsync("/api/enforcement/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        if (kind is null)
        {
            var problem = await EnforcementApp.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("source.reference", out _));
            return;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await App.CaseAsync((await EnforcementApp.Json(response)).GetProperty("caseNo").GetString()!);
        Assert.Equal(kind, view.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(reference, view.GetProperty("source").TryGetProperty("reference", out var r) ? r.GetString() : null);
        Assert.Equal("郑州市金水区某路1号", view.GetProperty("party").GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("notify", "{\"proposed\":{\"type\":\"fine\",\"amount\":20000},\"circumstance\":\"awful\"}", "circumstance")]
    [InlineData("notify", "{\"proposed\":{\"type\":\"flogging\",\"amount\":20000},\"circumstance\":\"ordinary\"}", "proposed.type")]
    [InlineData("notify", "{\"proposed\":{\"type\":\"fine\",\"amount\":20000.001},\"circumstance\":\"ordinary\"}", "proposed.amount")]
    [InlineData("notify", "{\"proposed\":{\"type\":\"warning\",\"amount\":500},\"circumstance\":\"ordinary\"}", "proposed.amount")]
    [InlineData("decide", "{\"penalty\":{\"type\":\"fine\",\"amount\":20000},\"circumstance\":\"ordinary\"}", "reasons")]
    [InlineData("collective-decision", "{\"attendees\":[\"周局长\"],\"votes\":{\"周局长\":\"maybe\"}}", "votes.周局长")]
    [InlineData("deliver", "{\"method\":\"pigeon\",\"recipient\":\"张小三\"}", "method")]
    [InlineData("deliver", "{\"method\":\"electronic\",\"recipient\":\"张小三\"}", "electronicConsent")]
    public async Task Action_BadBody_422NamingTheFieldNothingStored(string action, string body, string field)
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.InvestigatedAsync(EnforcementApp.Company);
        var version = (await App.CaseAsync(caseNo)).GetProperty("version").GetInt64();

        var response = await App.OfficerA.PostAsync($"/api/enforcement/cases/{caseNo}/{action}", new StringContent(body, Encoding.UTF8, "application/json"));

        var json = await EnforcementApp.Json(response);
        if (action == "deliver" && response.StatusCode == HttpStatusCode.Conflict)
        {
            // deliver comes after a decision: the state machine answers first, naming what is allowed
            Assert.Equal("enforcement.invalid_transition", json.GetProperty("code").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
        }

        Assert.Equal(version, (await App.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Theory]
    [Trait("Source", "行政处罚法 第五十七条第二款; seed 000 §5(三)1")]
    [InlineData("[{\"name\":\"周局长\",\"vote\":\"agree\"},{\"name\":\"吴副局长\",\"vote\":\"disagree\"}]", "[{\"name\":\"吴副局长\",\"opinion\":\"宜从轻\"}]", true)]
    [InlineData("{\"周局长\":\"同意\",\"吴副局长\":\"反对\"}", "\"宜从轻\"", true)]
    [InlineData("[\"agree\",\"disagree\"]", "[\"宜从轻\"]", true)]
    [InlineData("{\"agree\":1,\"disagree\":1}", "[{\"name\":\"吴副局长\",\"opinion\":\"宜从轻\"}]", true)]
    [InlineData("{\"agree\":1,\"disagree\":1}", "\"宜从轻\"", false)]       // a tally cannot say who was against
    [InlineData("{\"agree\":1,\"abstain\":1}", "[]", false)]                   // nor who abstained
    [InlineData("[\"agree\"]", "[]", false)]                                     // one vote for two attendees
    public async Task CollectiveDecision_VotesAsSent_RecordedPerAttendeeOrRefused(string votes, string dissent, bool ok)
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.ReadyToDecideAsync(20000);
        var body = $"{{\"attendees\":[\"周局长\",\"吴副局长\"],\"votes\":{votes},\"dissent\":{dissent}}}";

        var response = await App.Decider.PostAsync($"/api/enforcement/cases/{caseNo}/collective-decision", new StringContent(body, Encoding.UTF8, "application/json"));

        if (!ok)
        {
            await EnforcementApp.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "enforcement.validation_failed");
            return;
        }

        var meeting = (await EnforcementApp.Json(response)).GetProperty("collectiveDecision");
        Assert.Equal(["周局长:agree", "吴副局长:disagree"], meeting.GetProperty("votes").EnumerateArray().Select(v => $"{v.GetProperty("name").GetString()}:{v.GetProperty("vote").GetString()}").ToArray());
        Assert.Equal("吴副局长", meeting.GetProperty("dissent").EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task Action_MalformedJsonUnknownActionUnknownCaseWrongState_ClearProblems()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.OpenAsync();

        await EnforcementApp.AssertProblemAsync(await App.OfficerA.PostAsync($"/api/enforcement/cases/{caseNo}/notify", new StringContent("{\"proposed\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "request.malformed_json");
        await EnforcementApp.AssertProblemAsync(await App.OfficerA.PostAsync($"/api/enforcement/cases/{caseNo}/notify", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await App.RefusedAsync(App.OfficerA, caseNo, "confiscate-everything", null, HttpStatusCode.NotFound, "enforcement.unknown_action");
        await App.RefusedAsync(App.OfficerA, "D04-CF-20260918-9999", "investigate", new { officers = new[] { "e-a", "e-b" }, evidence = "x" }, HttpStatusCode.NotFound, "enforcement.case_not_found");
        var wrongState = await App.RefusedAsync(App.Decider, caseNo, "decide", new { penalty = EnforcementApp.Fine(20000), circumstance = "ordinary", reasons = "x" }, HttpStatusCode.Conflict, "enforcement.invalid_transition");
        Assert.Equal(["investigate"], EnforcementApp.Strings(wrongState.GetProperty("allowed")));
        Assert.Equal(1, (await App.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Open_SameIdempotencyKey_OneCaseAnotherBody409()
    {
        await App.SetClockAsync(9, 18);
        var key = "open-" + Guid.NewGuid().ToString("N");

        var first = await EnforcementApp.PostAsync(App.OfficerA, "/api/enforcement/cases", EnforcementApp.CaseBody(), key);
        var again = await EnforcementApp.PostAsync(App.OfficerA, "/api/enforcement/cases", EnforcementApp.CaseBody(), key);
        var other = await EnforcementApp.PostAsync(App.OfficerA, "/api/enforcement/cases", EnforcementApp.Company, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await EnforcementApp.Json(first)).GetProperty("caseNo").GetString(), (await EnforcementApp.Json(again)).GetProperty("caseNo").GetString());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        await EnforcementApp.AssertProblemAsync(other, HttpStatusCode.Conflict, "request.idempotency_conflict");
    }

    [Fact]
    public async Task Action_StaleIfMatch_412NothingStored()
    {
        await App.SetClockAsync(9, 18);
        var caseNo = await App.OpenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/enforcement/cases/{caseNo}/investigate")
        {
            Content = new StringContent("{\"officers\":[\"e-a\",\"e-b\"],\"evidence\":\"笔录\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        await EnforcementApp.AssertProblemAsync(await App.OfficerA.SendAsync(request), HttpStatusCode.PreconditionFailed, "request.precondition_failed");

        Assert.Equal(1, (await App.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }
}
