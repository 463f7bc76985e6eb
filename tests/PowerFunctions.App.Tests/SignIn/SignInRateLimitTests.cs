using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>The sign-in routes' limits: per client address and per login code, 429 with Retry-After, limited attempts not stored.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_SameCodeOverItsLimit_429WithRetryAfterAndThePlatformSpared()
    {
        await using var harness = await SignInHarness.StartAsync();
        var code = harness.Platform.IssueCode("oUser-limit-code-0001");
        harness.Platform.Script(code, PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy(), PlatformAnswer.Busy());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await harness.PostSignInAsync(code)).StatusCode);
        }

        var limited = await harness.PostSignInAsync(code);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("auth.sign_in_rate_limited", await SampleApplications.CodeOf(limited));
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal(9, harness.Platform.Calls(code)); // three attempts of three calls; the fourth never reached the platform
        Assert.Equal(3, (await harness.AuditAsync()).Count); // the refused one is logged, not stored

        // Another code of the same user is not held back by it.
        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignInAsync(harness.Platform.IssueCode("oUser-limit-code-0001"))).StatusCode);
    }

    [Fact]
    public async Task SignIn_ClientOverItsLimit_429ForItOtherClientsUnaffected()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:SignIn:PerClientPerMinute"] = "4" });
        for (var i = 0; i < 4; i++)
        {
            await harness.SignInAsync($"oUser-limit-client-000{i}");
        }

        var limited = await harness.PostSignInAsync(harness.Platform.IssueCode("oUser-limit-client-0009"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);

        // Standalone with no forwarding header configured, a client cannot pick another address to escape its limit.
        using var spoofing = new HttpClient { BaseAddress = harness.App.BaseAddress };
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await harness.PostSignInAsync(harness.Platform.IssueCode("oUser-limit-client-0009"), spoofing)).StatusCode);

        // Refresh counts against the same client budget.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await harness.App.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" })).StatusCode);
    }

    /// <summary>Behind a trusted proxy (as under the Functions host, whose front end appends the client's address) each client address has its own budget.</summary>
    [Fact]
    public async Task SignIn_ForwardingHeaderConfigured_EachForwardedAddressItsOwnBudget()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:SignIn:PerClientPerMinute"] = "2", ["Auth:SignIn:ClientAddressHeader"] = "X-Forwarded-For" });

        async Task<HttpStatusCode> FromAsync(string forwardedFor, int n)
        {
            using var client = new HttpClient { BaseAddress = harness.App.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return (await harness.PostSignInAsync(harness.Platform.IssueCode($"oUser-fwd-{n:D4}"), client)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await FromAsync("198.51.100.1:50000", 1));
        Assert.Equal(HttpStatusCode.OK, await FromAsync("10.0.0.9, 198.51.100.1", 2)); // the last entry is the proxy's
        Assert.Equal(HttpStatusCode.TooManyRequests, await FromAsync("198.51.100.1", 3));
        Assert.Equal(HttpStatusCode.OK, await FromAsync("198.51.100.2", 4));
        Assert.Equal(HttpStatusCode.OK, await FromAsync("[2001:db8::1]:443", 5));
    }
}
