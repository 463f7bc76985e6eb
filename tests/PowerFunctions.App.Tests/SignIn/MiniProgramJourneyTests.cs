using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>
/// The mini-program's whole path over HTTP on the embedded store, with production-shaped tokens only: no
/// development key at all — the citizen signs in through the platform's code exchange and proves identity
/// at the identity service, staff come with tokens of the OpenID Connect issuer, real-name filing is required.
/// Sign in, prove, submit, follow by query code, (time passes: refresh), rate, sign out.
/// </summary>
public sealed class MiniProgramJourneyTests
{
    private const string StaffAudience = "powerfunctions-api-prod";

    [Fact]
    [Trait("Source", "网络安全法 第二十四条; 行政许可法 第三十一条; 国办发〔2019〕51号")]
    public async Task Journey_SignInSubmitFollowRate_WithTokensFromTheseFlowsOnly()
    {
        await using var staffIssuer = await FakeOidcIssuer.StartAsync();
        await using var harness = await SignInHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:SigningKey"] = null,
                ["Auth:RequireRealName"] = "true",
                ["Auth:Authority"] = staffIssuer.Authority,
                ["Auth:Audience"] = StaffAudience,
            },
            realName: true);
        HttpClient Staff(string subject, string role, string? department = "D01")
        {
            var client = new HttpClient { BaseAddress = harness.App.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", staffIssuer.Mint(StaffAudience, ProductionTokenTests.Staff(subject, role, department), TimeSpan.FromDays(30)));
            return client;
        }

        using var acceptor = Staff("acc-1", "acceptor");
        using var reviewerA = Staff("rev-a", "reviewer");
        using var reviewerB = Staff("rev-b", "reviewer");
        using var decider = Staff("dec-1", "decider");
        using var deliverer = Staff("del-1", "deliverer");
        using var admin = Staff("adm-1", "admin", null);
        var development = new PowerFunctions.App.Auth.TokenService(Microsoft.Extensions.Options.Options.Create(new PowerFunctions.App.Config.AuthOptions { SigningKey = TestApp.SigningKey })).Issue("citizen-1", "张小三", ["citizen"], null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.ClientWith(development).PostAsJsonAsync("/api/evaluations", new { })).StatusCode); // no development tokens here

        // 1. wx.login → our tokens; the identity service → a token that carries the proven identity.
        var tokens = await harness.SignInAsync("oJourney-0000000000000000001", "uJourney-01");
        var proven = await harness.ProveAsync(tokens.AccessToken, "张小三", "41010219900101123X");
        using var citizen = harness.ClientWith(proven);

        // 2. Submit in one's own name.
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = SampleApplications.Item,
                applicant = new { name = "张小三", idType = "身份证", idNumber = "41010219900101123X", phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        submit.Headers.Add("Idempotency-Key", "journey-1");
        var submitted = await citizen.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = await SampleApplications.Json(submitted);
        var caseNo = receipt.GetProperty("caseNo").GetString()!;
        var queryCode = receipt.GetProperty("queryCode").GetString()!;

        // 3. Follow it by query code (public, masked).
        Assert.Equal("submitted", await StateAsync(harness, caseNo, queryCode));

        // Staff work the case with the issuer's tokens.
        await OkAsync(acceptor, caseNo, "accept", new { });
        await OkAsync(reviewerA, caseNo, "review", new { role = "A", opinion = "材料齐全，符合条件", recommendation = "approve" });
        await OkAsync(reviewerB, caseNo, "review", new { role = "B", opinion = "同意A角意见", recommendation = "approve" });
        await OkAsync(decider, caseNo, "decide", new { outcome = "approve", reasons = "符合食品经营许可条件" });
        Assert.Equal("in-publicity", await StateAsync(harness, caseNo, queryCode));

        // Publicity runs its seven days (the manual clock moves eleven days): the citizen's access token has expired meanwhile.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/clock", new { set = "2026-09-29T09:00:00+08:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/timers/sweep", null)).StatusCode);
        Assert.Equal("awaiting-delivery", await StateAsync(harness, caseNo, queryCode));
        await OkAsync(deliverer, caseNo, "deliver", new { method = "electronic", recipient = "张小三" });
        Assert.Equal("delivered", await StateAsync(harness, caseNo, queryCode));

        // 4. Rate it: the old access token is refused; one refresh later (same session, identity kept) the rating is taken.
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "satisfied" })).StatusCode);
        var refreshed = await harness.RefreshAsync(tokens.RefreshToken);
        using var again = harness.ClientWith(refreshed.AccessToken);
        var rated = await again.PostAsJsonAsync("/api/evaluations", new { caseNo, level = "satisfied", comment = "办理快，态度好" });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/evaluations/{caseNo}")).StatusCode);

        // 5. Sign out: the session's tokens stop working.
        Assert.Equal(HttpStatusCode.NoContent, (await again.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync($"/api/evaluations/{caseNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(refreshed.RefreshToken)).StatusCode);
        var audit = (await harness.App.Get<PowerFunctions.App.Features.SignIn.SignInAudit>().ListAsync(new DateOnly(2026, 9, 29), CancellationToken.None)).Select(a => (a.Kind, a.Result)).ToArray();
        Assert.Equal([("refresh", "refresh-revoked"), ("sign-out", "ok"), ("refresh", "ok")], audit);
    }

    private static async Task<string> StateAsync(SignInHarness harness, string caseNo, string queryCode)
    {
        var progress = await harness.App.Client.GetAsync($"/api/cases/{caseNo}/progress?queryCode={queryCode}");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var text = await progress.Content.ReadAsStringAsync();
        Assert.DoesNotContain("41010219900101123X", text, StringComparison.Ordinal);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("state").GetString()!;
    }

    private static async Task OkAsync(HttpClient staff, string caseNo, string action, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/cases/{caseNo}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
