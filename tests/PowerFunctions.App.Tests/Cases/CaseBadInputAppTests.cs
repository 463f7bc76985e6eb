using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// Issue 16 on the case routes: garbage bodies on actions that take none, free text over its limit, public
/// objections bounded per case and per client, the application form an object. Each refusal changes nothing.
/// </summary>
public sealed class CaseBadInputAppTests
{
    public static TheoryData<string, string, int> Garbage() => new()
    {
        { "accept", "{", 400 },
        { "accept", "not json", 400 },
        { "accept", new string('x', 1_000_000), 400 },
        { "resume", "{", 400 },
        { "resume", "not json", 400 },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task BodylessAction_GarbageBody_RefusedAndCaseUnchanged(string action, string body, int status)
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        var client = action == "accept" ? app.Acceptor : app.ReviewerA;
        var before = (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64();

        var response = await client.PostAsync($"/api/cases/{caseNo}/{action}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("review", "opinion")]
    [InlineData("refuse", "reason")]
    public async Task Action_TextOverItsLimit_422NamingTheFieldAndNothingStored(string action, string field)
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await app.NewCaseAsync();
        if (action == "review")
        {
            await app.OkAsync(app.Acceptor, caseNo, "accept");
        }

        var client = action == "review" ? app.ReviewerA : app.Acceptor;
        var text = new string('长', 40_000);
        var body = action == "review" ? (object)new { role = "A", opinion = text, recommendation = "approve" } : new { reason = text };
        var before = (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64();

        var response = await app.ActAsync(client, caseNo, action, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await CaseApp.Json(response);
        Assert.Equal("request.field_too_long", problem.GetProperty("code").GetString());
        Assert.Equal("$." + field, problem.GetProperty("field").GetString());
        Assert.Equal(before, (await app.CaseAsync(caseNo)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Objection_OverTheLimits_422ThenPerClient429ThenPerCase429()
    {
        await using var app = await CaseApp.StartAsync();
        var caseNo = await ApproveAsync(app);

        var tooLong = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "王某", contact = "13900000000", content = new string('异', CaseRules.MaxObjectionContent + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);

        for (var i = 0; i < CaseRules.MaxObjectionsPerClient; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "王某", contact = "13900000000", content = $"异议{i}" })).StatusCode);
        }

        var again = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "王某", contact = "13900000000", content = "再一次" });
        Assert.Equal((HttpStatusCode)429, again.StatusCode);
        Assert.Equal("case.objections_limit", (await CaseApp.Json(again)).GetProperty("code").GetString());

        // Signed-in filers count as themselves: fill the case to its open cap, then anyone is refused.
        var filed = CaseRules.MaxObjectionsPerClient;
        for (var person = 0; filed < CaseRules.MaxOpenObjections; person++)
        {
            using var citizen = app.App.ClientFor("citizen", subject: $"p{person}");
            for (var i = 0; i < CaseRules.MaxObjectionsPerClient && filed < CaseRules.MaxOpenObjections; i++, filed++)
            {
                Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "市民", contact = "13900000001", content = $"异议{person}-{i}" })).StatusCode);
            }
        }

        using var newcomer = app.App.ClientFor("citizen", subject: "newcomer");
        var full = await newcomer.PostAsJsonAsync($"/api/cases/{caseNo}/objections", new { name = "新人", contact = "13900000002", content = "新的异议" });
        Assert.Equal((HttpStatusCode)429, full.StatusCode);
        Assert.Equal(CaseRules.MaxOpenObjections, (await app.CaseAsync(caseNo)).GetProperty("objections").GetArrayLength());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task Submit_FormNotAnObject_422(string form)
    {
        await using var app = await CaseApp.StartAsync();
        var application = JsonSerializer.SerializeToNode(CaseApp.Application())!.AsObject();
        application["form"] = System.Text.Json.Nodes.JsonNode.Parse(form);

        var response = await app.SubmitAsync(application, "k-form-" + form.Length);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await CaseApp.Json(response)).GetProperty("errors").TryGetProperty("form", out _));
    }

    private static async Task<string> ApproveAsync(CaseApp app)
    {
        var caseNo = await app.NewCaseAsync();
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "符合条件", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合法定条件" });
        return caseNo;
    }
}
