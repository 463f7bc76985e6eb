using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>Rate limits of the shared pipeline (public routes per address, submissions per citizen) and the security headers of every answer.</summary>
public sealed class RateLimitAndHeaderTests
{
    [Fact]
    public async Task PublicRoute_OverTheLimitPerAddress_Answers429ProblemWithRetryAfter_OtherRoutesUnaffected()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Http:RateLimits:PublicPerClientPerMinute"] = "5" });
        var admin = app.ClientFor("admin");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
        }

        var refused = await app.Client.GetAsync("/api/catalog/items");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request.rate_limited", (await CaseApp.Json(refused)).GetProperty("code").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/timers/sweep", null)).StatusCode); // a signed-in route is not a public one
    }

    [Fact]
    public async Task PublicRoute_ForwardedHeader_CountsOnlyWhereConfigured()
    {
        var limits = new Dictionary<string, string?> { ["Http:RateLimits:PublicPerClientPerMinute"] = "2" };
        await using (var plain = await TestApp.StartAsync(limits))
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
                request.Headers.Add("X-Forwarded-For", $"10.0.0.{i}");
                statuses.Add((await plain.Client.SendAsync(request)).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses); // a client cannot pick its own address
        }

        limits["Auth:SignIn:ClientAddressHeader"] = "X-Forwarded-For";
        await using var proxied = await TestApp.StartAsync(limits);
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
            request.Headers.Add("X-Forwarded-For", $"10.0.0.{i}");
            Assert.Equal(HttpStatusCode.OK, (await proxied.Client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Submissions_OverTheLimitPerCitizen_Answer429_AnotherCitizenStillSubmits_AndNothingIsStored()
    {
        await using var app = await CaseApp.StartAsync(settings: new Dictionary<string, string?> { ["Http:RateLimits:SubmissionsPerCitizenPerMinute"] = "2" });

        Assert.Equal(HttpStatusCode.Created, (await app.SubmitAsync(CaseApp.Application(), "k1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.SubmitAsync(CaseApp.Application(), "k2")).StatusCode);
        var before = StoredRows.Of(app.App);
        var refused = await app.SubmitAsync(CaseApp.Application(), "k3");
        var changes = StoredRows.Changes(before, StoredRows.Of(app.App));
        var other = await app.SubmitAsync(CaseApp.Application(), "k4", app.OtherCitizen);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("request.rate_limited", (await CaseApp.Json(refused)).GetProperty("code").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Empty(changes);
        Assert.Equal(3, await ApplicationIntakeTests.CountCasesAsync(app));
    }

    [Fact]
    public async Task Objections_OverTheLimit_Answer429()
    {
        await using var app = await CaseApp.StartAsync(settings: new Dictionary<string, string?> { ["Http:RateLimits:SubmissionsPerCitizenPerMinute"] = "1" });
        var caseNo = await app.NewCaseAsync();
        var body = new { name = "王五", contact = "13900000000", content = "有异议" };

        var first = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", body);
        var second = await app.App.Client.PostAsJsonAsync($"/api/cases/{caseNo}/objections", body);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode); // not in publicity: refused by the case, but counted
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Theory]
    [InlineData("/api/health", false)]
    [InlineData("/api/no-such-route", false)]
    [InlineData("/api/supervision/alerts", true)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_NoStoreWhenAuthenticated(string path, bool authenticated)
    {
        await using var app = await TestApp.StartAsync();
        var client = authenticated ? app.ClientFor("supervisor", "") : app.Client;

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Contains("default-src 'none'", Header(response, "Content-Security-Policy"));
        Assert.Null(Header(response, "Strict-Transport-Security")); // plain http on loopback
        if (authenticated)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/supervision")]
    public async Task Pages_StrictCsp_NoInlineAnything_NotFramable(string path)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync(path);
        var csp = Header(response, "Content-Security-Policy")!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;
}
