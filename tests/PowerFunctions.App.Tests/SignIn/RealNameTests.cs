using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>
/// Proof of identity with the identity service (a fake OpenID Connect issuer) and the real-name rule at
/// submission: the verified person, in their own name, and no identity number in clear in tokens or tables.
/// </summary>
public sealed class RealNameTests
{
    private const string Source = "网络安全法 第二十四条; 行政许可法 第三十一条";
    private const string Name = "张小三";
    private const string IdNumber = "41010219900101123X";

    [Fact]
    [Trait("Source", Source)]
    public async Task Prove_WithTheSessionNonce_TokenCarriesLevelAndFingerprintNotTheNumber()
    {
        await using var harness = await SignInHarness.StartAsync(realName: true);
        var tokens = await harness.SignInAsync("oUser-rn-0001");

        var proven = await harness.ProveAsync(tokens.AccessToken, Name, IdNumber);

        var payload = SignInHarness.Payload(proven);
        Assert.Equal(1, payload.GetProperty("rnl").GetInt32());
        Assert.Equal(Name, payload.GetProperty("name").GetString());
        Assert.Matches("^h1\\.[A-Za-z0-9_-]{43}$", payload.GetProperty("idh").GetString());
        Assert.DoesNotContain("41010219900101", payload.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(payload.GetProperty("sid").GetString(), SignInHarness.Payload(tokens.AccessToken).GetProperty("sid").GetString());
        Assert.DoesNotContain("41010219900101", MiniProgramSignInTests.StoredText(harness.App.DataPath), StringComparison.Ordinal);
        Assert.Equal(("real-name", "ok"), ((await harness.AuditAsync())[0].Kind, (await harness.AuditAsync())[0].Result));

        // The proof is kept: the next refresh and the next sign-in carry it too.
        var refreshed = await harness.RefreshAsync(tokens.RefreshToken);
        Assert.Equal(payload.GetProperty("idh").GetString(), SignInHarness.Payload(refreshed.AccessToken).GetProperty("idh").GetString());
        var again = await harness.SignInAsync("oUser-rn-0001");
        Assert.Equal(1, SignInHarness.Payload(again.AccessToken).GetProperty("rnl").GetInt32());
    }

    [Fact]
    [Trait("Source", Source)]
    public async Task Submit_RealNameRequired_OnlyTheProvenPersonInTheirOwnName()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:RequireRealName"] = "true" }, realName: true);
        var tokens = await harness.SignInAsync("oUser-rn-submit-0001");
        using var unproven = harness.ClientWith(tokens.AccessToken);

        var refused = await Submit(unproven, "k-1", Name, "身份证", IdNumber);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("auth.real_name_required", await SampleApplications.CodeOf(refused));

        using var proven = harness.ClientWith(await harness.ProveAsync(tokens.AccessToken, Name, IdNumber));
        var otherNumber = await Submit(proven, "k-1", Name, "身份证", "110101199003074518");
        var otherName = await Submit(proven, "k-1", "李四", "身份证", IdNumber);
        var otherType = await Submit(proven, "k-1", Name, "护照", IdNumber);
        Assert.All([otherNumber, otherName, otherType], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("auth.applicant_mismatch", await SampleApplications.CodeOf(otherNumber));
        Assert.Equal("auth.applicant_mismatch", await SampleApplications.CodeOf(otherName));

        // The refusals reserved nothing: the same key now files the case as a first submission.
        var filed = await Submit(proven, "k-1", " 张小三", "居民身份证", "41010219900101123x");
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.False(filed.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    [Trait("Source", Source)]
    public async Task Submit_RealNameOffOutsideProduction_DevelopmentTokensFileAsBefore()
    {
        await using var harness = await SignInHarness.StartAsync(realName: true);
        using var developer = harness.App.ClientFor("citizen", "", "citizen-1", "张小三");
        var signedIn = await harness.SignInAsync("oUser-rn-off-0001");
        using var citizen = harness.ClientWith(signedIn.AccessToken);

        Assert.Equal(HttpStatusCode.Created, (await Submit(developer, "k-dev", "王五", "身份证", "110101199003074518")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Submit(citizen, "k-mp", "王五", "身份证", "110101199003074518")).StatusCode);
    }

    [Fact]
    [Trait("Source", Source)]
    public async Task Submit_LevelBelowTheMinimum_RealNameRequired()
    {
        await using var harness = await SignInHarness.StartAsync(
            new Dictionary<string, string?> { ["Auth:RequireRealName"] = "true", ["Auth:RealName:LevelClaim"] = "level", ["Auth:RealName:MinimumLevel"] = "2" },
            realName: true);
        var tokens = await harness.SignInAsync("oUser-rn-level-0001");
        var nonce = await harness.NonceAsync(tokens.AccessToken);
        var answer = await harness.PostRealNameAsync(tokens.AccessToken, harness.IdToken(nonce, Name, IdNumber, new Dictionary<string, object> { ["level"] = "1" }));
        Assert.Equal(1, (await SampleApplications.Json(answer)).GetProperty("realNameLevel").GetInt32());
        using var levelOne = harness.ClientWith((await SampleApplications.Json(answer)).GetProperty("accessToken").GetString()!);

        var refused = await Submit(levelOne, "k-1", Name, "身份证", IdNumber);

        Assert.Equal("auth.real_name_required", await SampleApplications.CodeOf(refused));
    }

    public static TheoryData<string, Func<SignInHarness, string, string>> BadIdTokens() => new()
    {
        { "another nonce", (h, n) => h.IdToken(n[..^4] + "AAAA", Name, IdNumber) },
        { "no nonce", (h, n) => h.IdentityService!.Mint(SignInHarness.RealNameClientId, new Dictionary<string, object> { ["sub"] = "g", ["name"] = Name, ["id_number"] = IdNumber }) },
        { "another audience", (h, n) => h.IdToken(n, Name, IdNumber, audience: "someone-else") },
        { "expired", (h, n) => h.IdentityService!.Mint(SignInHarness.RealNameClientId, new Dictionary<string, object> { ["sub"] = "g", ["nonce"] = n, ["name"] = Name, ["id_number"] = IdNumber }, TimeSpan.FromMinutes(1), now: DateTime.UtcNow.AddHours(-1)) },
        { "signed by another key", (h, n) => h.IdentityService!.Mint(SignInHarness.RealNameClientId, new Dictionary<string, object> { ["sub"] = "g", ["nonce"] = n, ["name"] = Name, ["id_number"] = IdNumber }, key: new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "kx" }) },
        { "no identity number", (h, n) => h.IdentityService!.Mint(SignInHarness.RealNameClientId, new Dictionary<string, object> { ["sub"] = "g", ["nonce"] = n, ["name"] = Name }) },
        { "not a JWT", (h, n) => "not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(BadIdTokens))]
    public async Task Prove_BadIdToken_400AndNothingProven(string what, Func<SignInHarness, string, string> idToken)
    {
        await using var harness = await SignInHarness.StartAsync(realName: true);
        var tokens = await harness.SignInAsync("oUser-rn-bad-0001");
        var nonce = await harness.NonceAsync(tokens.AccessToken);

        var response = await harness.PostRealNameAsync(tokens.AccessToken, idToken(harness, nonce));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("auth.id_token_invalid", await SampleApplications.CodeOf(response));
        Assert.False(SignInHarness.Payload((await harness.RefreshAsync(tokens.RefreshToken)).AccessToken).TryGetProperty("rnl", out _));
    }

    /// <summary>A nonce is good once, for ten minutes, in the session it was handed to.</summary>
    [Fact]
    public async Task Prove_NonceReplayedExpiredOrOfAnotherSession_Refused()
    {
        await using var harness = await SignInHarness.StartAsync(realName: true);
        var mine = await harness.SignInAsync("oUser-rn-nonce-0001");
        var theirs = await harness.SignInAsync("oUser-rn-nonce-0002");

        var nonce = await harness.NonceAsync(mine.AccessToken);
        var idToken = harness.IdToken(nonce, Name, IdNumber);
        Assert.Equal(HttpStatusCode.BadRequest, (await harness.PostRealNameAsync(theirs.AccessToken, idToken)).StatusCode); // another's ID token proves nothing here
        Assert.Equal(HttpStatusCode.OK, (await harness.PostRealNameAsync(mine.AccessToken, idToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await harness.PostRealNameAsync(mine.AccessToken, idToken)).StatusCode); // replayed

        var late = await harness.NonceAsync(theirs.AccessToken);
        harness.Clock.Advance(TimeSpan.FromMinutes(9));
        var refreshed = await harness.RefreshAsync(theirs.RefreshToken);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await harness.PostRealNameAsync(refreshed.AccessToken, harness.IdToken(late, "李四", "110101199003074518"));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(["nonce-invalid", "refresh"], (await harness.AuditAsync()).Take(2).Select(a => a.Kind == "refresh" ? "refresh" : a.Result).ToArray());
    }

    [Fact]
    public async Task Prove_AnotherIdentityLater_409AndTheFirstStays()
    {
        await using var harness = await SignInHarness.StartAsync(realName: true);
        var tokens = await harness.SignInAsync("oUser-rn-conflict-0001");
        var first = await harness.ProveAsync(tokens.AccessToken, Name, IdNumber);
        Assert.Equal(HttpStatusCode.OK, (await harness.PostRealNameAsync(first, harness.IdToken(await harness.NonceAsync(first), Name, IdNumber))).StatusCode); // the same person again

        var nonce = await harness.NonceAsync(first);
        var other = await harness.PostRealNameAsync(first, harness.IdToken(nonce, "李四", "110101199003074518"));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("auth.real_name_conflict", await SampleApplications.CodeOf(other));
        Assert.Equal(Name, SignInHarness.Payload((await harness.RefreshAsync(tokens.RefreshToken)).AccessToken).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Prove_NotConfiguredOrNoSession_Refused()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-rn-none-0001");
        using var citizen = harness.ClientWith(tokens.AccessToken);
        using var developer = harness.App.ClientFor("citizen", "", "citizen-1", "张小三");

        var unavailable = await citizen.PostAsync("/api/auth/real-name/nonce", null);
        var noSession = await developer.PostAsync("/api/auth/real-name/nonce", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("auth.real_name_unavailable", await SampleApplications.CodeOf(unavailable));
        Assert.Equal(HttpStatusCode.Forbidden, noSession.StatusCode);
    }

    [Fact]
    public void Start_IdentityServiceWithoutHashKey_Refused()
    {
        using var app = App.Hosting.PowerFunctionsHost.Build(
        [
            "--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-rn-" + Guid.NewGuid().ToString("N")),
            "--Auth:RealName:Authority=https://id.example.gov.cn", "--Auth:RealName:ClientId=pf",
        ]);

        var e = Assert.Throws<App.Config.ConfigurationException>(() => app.Services.GetService(typeof(Features.SignIn.RealNameVerifier)));

        Assert.Contains("Auth:RealName:HashKeys", e.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Submit(HttpClient client, string key, string name, string idType, string idNumber)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = SampleApplications.Item,
                applicant = new { name, idType, idNumber, phone = "13800000000" },
                materials = new[] { "M01", "M02", "M03", "M04" }.Select(c => new { code = c, name = "材料" + c }),
                form = new { address = "郑州市金水区" },
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
