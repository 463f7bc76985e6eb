using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>Production tokens from an OpenID Connect issuer (a fake one on loopback): keys from its discovery document, issuer, audience, lifetime, roles and department.</summary>
public sealed class ProductionTokenTests
{
    private const string Audience = "powerfunctions-api-prod";

    [Fact]
    public async Task ProductionToken_FromTheIssuer_RolesAndDepartmentMapped()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer);
        using var acceptor = Client(app, issuer.Mint(Audience, Staff("acc-9", "acceptor", "D01")));
        using var supervisor = Client(app, issuer.Mint(Audience, Staff("sup-9", "supervisor", null)));

        Assert.Equal(HttpStatusCode.OK, (await acceptor.GetAsync("/api/evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.GetAsync("/api/supervision/alerts")).StatusCode); // its own department's
        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.GetAsync("/api/supervision/alerts?department=D02")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.GetAsync("/api/supervision/reports/2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/supervision/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acceptor.GetAsync("/api/evaluations?department=D01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await acceptor.GetAsync("/api/evaluations?department=D02")).StatusCode); // dept mapped

        // Development tokens keep working beside them outside Production.
        using var developer = app.ClientFor("acceptor", "D01");
        Assert.Equal(HttpStatusCode.OK, (await developer.GetAsync("/api/evaluations")).StatusCode);
    }

    [Fact]
    public async Task ProductionToken_OtherClaimNamesAndSpaceSeparatedRoles_Mapped()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer, new Dictionary<string, string?> { ["Auth:RolesClaim"] = "groups", ["Auth:DepartmentClaim"] = "department" });
        using var staff = Client(app, issuer.Mint(Audience, new Dictionary<string, object> { ["sub"] = "s-1", ["name"] = "王审查", ["groups"] = "reviewer supervisor", ["department"] = "D01" }));

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/supervision/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/evaluations")).StatusCode);
    }

    public static TheoryData<string, Func<FakeOidcIssuer, string>> Refused() => new()
    {
        { "another audience", i => i.Mint("another-api", Staff("a", "acceptor", "D01")) },
        { "expired", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), TimeSpan.FromMinutes(5), now: DateTime.UtcNow.AddHours(-1)) },
        { "not yet valid", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), now: DateTime.UtcNow.AddHours(1)) },
        { "a key the issuer never published", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = i.ActiveKey.KeyId }) },
        { "an unknown kid", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k-unknown" }) },
        { "HS256 under the issuer's name", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), key: new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestApp.SigningKey)), algorithm: SecurityAlgorithms.HmacSha256) },
        { "another issuer, the issuer's key", i => i.Mint(Audience, Staff("a", "acceptor", "D01"), issuer: "https://elsewhere.example") },
        { "no subject", i => i.Mint(Audience, new Dictionary<string, object> { ["roles"] = new[] { "acceptor" }, ["dept"] = "D01" }) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ProductionToken_Bad_Refused401SayingOnlyInvalidToken(string what, Func<FakeOidcIssuer, string> mint)
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer);
        using var client = Client(app, mint(issuer));

        var response = await client.GetAsync("/api/evaluations");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("the token is invalid", (await SampleApplications.Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProductionToken_IssuerRotatesItsKey_NewTokensAcceptedAfterOneLookAgain()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer);
        using (var before = Client(app, issuer.Mint(Audience, Staff("a", "acceptor", "D01"))))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/evaluations")).StatusCode);
        }

        var fetched = issuer.MetadataRequests;
        issuer.Rotate(retireOld: true);
        using var after = Client(app, issuer.Mint(Audience, Staff("a", "acceptor", "D01")));

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/evaluations")).StatusCode);
        Assert.Equal(fetched + 2, issuer.MetadataRequests); // the discovery document and the keys, once
    }

    /// <summary>Tokens naming keys nobody published do not make the app fetch the issuer's keys each time.</summary>
    [Fact]
    public async Task ProductionToken_ManyUnknownKids_FewFetches()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer);
        using (var good = Client(app, issuer.Mint(Audience, Staff("a", "acceptor", "D01"))))
        {
            Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/api/evaluations")).StatusCode);
        }

        using var forger = RSA.Create(2048);
        var forgeries = Enumerable.Range(0, 20).Select(i => issuer.Mint(Audience, Staff("a", "acceptor", "D01"), key: new RsaSecurityKey(forger) { KeyId = "k-forged-" + i })).ToList();
        var fetched = issuer.MetadataRequests;
        var watch = Stopwatch.StartNew();
        foreach (var token in forgeries)
        {
            using var forged = Client(app, token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/evaluations")).StatusCode);
        }

        // One look again (discovery and keys) per ForcedRefreshInterval at most, however many unknown kids arrive.
        var allowed = 2 * (1 + (int)(watch.Elapsed / OidcTokenValidator.ForcedRefreshInterval));
        Assert.True(issuer.MetadataRequests - fetched <= allowed, $"{issuer.MetadataRequests - fetched} fetches in {watch.Elapsed}");
    }

    [Fact]
    public async Task ProductionToken_IssuerUnreachableBeforeAnyFetch_503ThenAcceptedOnceItAnswers()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        issuer.Down = true;
        await using var app = await StartAsync(issuer);
        using var client = Client(app, issuer.Mint(Audience, Staff("a", "acceptor", "D01")));

        var response = await client.GetAsync("/api/evaluations");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("auth.issuer_unavailable", await SampleApplications.CodeOf(response));
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/items")).StatusCode); // a public route reads no token it cannot check

        issuer.Down = false;
        var watch = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await client.GetAsync("/api/evaluations")).StatusCode;
        }
        while (status != HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ProductionToken_IssuerDownAfterKeysFetched_CachedKeysStillCheckTokens()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer);
        using var client = Client(app, issuer.Mint(Audience, Staff("a", "acceptor", "D01")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/evaluations")).StatusCode);

        issuer.Down = true;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/evaluations")).StatusCode);
    }

    /// <summary>In Production only the issuer's tokens count: a development token (no key there) is refused, and a citizen from the issuer needs a proven identity to submit.</summary>
    [Fact]
    public async Task Production_DevelopmentTokenRefusedIssuerTokenAcceptedRealNameRequired()
    {
        await using var issuer = await FakeOidcIssuer.StartAsync();
        await using var app = await StartAsync(issuer, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["PersonalData:Keys:test"] = TestApp.ProductionPersonalDataKey,
            ["Auth:SigningKey"] = null,
            ["Clock:Mode"] = "System",
            ["Clock:Start"] = null,
            ["Seed:Catalog"] = "true",
            ["Seal:KeyVaultUri"] = "https://seals.vault.azure.cn/", // Production seals only with the departments' keys; never reached here
        });
        var development = new TokenService(Options.Create(new AuthOptions { SigningKey = TestApp.SigningKey })).Issue("u1", "张三", ["acceptor"], "D01");
        using var developer = Client(app, development);
        using var staff = Client(app, issuer.Mint(Audience, Staff("acc-9", "acceptor", "D01")));
        using var citizen = Client(app, issuer.Mint(Audience, Staff("cit-9", "citizen", null)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await developer.GetAsync("/api/evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/evaluations")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(new { itemCode = SampleApplications.Item, applicant = new { name = "张三", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" }, materials = Array.Empty<object>(), form = new { } }) };
        request.Headers.Add("Idempotency-Key", "k-prod-1");
        var submitted = await citizen.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);
        Assert.Equal("auth.real_name_required", await SampleApplications.CodeOf(submitted));
    }

    public static Dictionary<string, object> Staff(string subject, string role, string? department)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "职员" + subject, ["roles"] = new[] { role } };
        if (department is not null)
        {
            claims["dept"] = department;
        }

        return claims;
    }

    private static Task<TestApp> StartAsync(FakeOidcIssuer issuer, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Auth:Authority"] = issuer.Authority, ["Auth:Audience"] = Audience };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestApp.StartAsync(settings);
    }

    private static HttpClient Client(TestApp app, string token)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
