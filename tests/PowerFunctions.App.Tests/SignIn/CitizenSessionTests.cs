using System.Net;
using System.Net.Http.Json;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>Citizen sessions: refresh rotation, reuse detection, sign-out, and expiry under the manual clock.</summary>
public sealed class CitizenSessionTests
{
    [Fact]
    public async Task Refresh_CurrentToken_RotatesToNewTokensOfTheSameSession()
    {
        await using var harness = await SignInHarness.StartAsync();
        var first = await harness.SignInAsync("oUser-rotate-0001");

        var response = await harness.PostRefreshAsync(first.RefreshToken);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var second = await SignInHarness.TokensOf(response);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(SignInHarness.Payload(first.AccessToken).GetProperty("sid").GetString(), SignInHarness.Payload(second.AccessToken).GetProperty("sid").GetString());
        Assert.Equal(SignInHarness.Payload(first.AccessToken).GetProperty("sub").GetString(), SignInHarness.Payload(second.AccessToken).GetProperty("sub").GetString());
        var third = await harness.RefreshAsync(second.RefreshToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, third.AccessToken)).StatusCode);
        Assert.Equal(["refresh", "refresh", "mini-program"], (await harness.AuditAsync()).Select(a => a.Kind).ToArray());
    }

    /// <summary>A spent refresh token coming back means someone holds a copy: the whole session ends, its access tokens too.</summary>
    [Fact]
    public async Task Refresh_SpentTokenPresentedAgain_RevokesTheWholeSession()
    {
        await using var harness = await SignInHarness.StartAsync();
        var first = await harness.SignInAsync("oUser-reuse-0001");
        var second = await harness.RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, second.AccessToken)).StatusCode);

        var reused = await harness.PostRefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("auth.refresh_token_invalid", await SampleApplications.CodeOf(reused));
        Assert.Equal("invalid token", (await SampleApplications.Json(reused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(second.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(harness, second.AccessToken)).StatusCode);
        var audit = await harness.AuditAsync();
        Assert.Equal(["refresh-revoked", "refresh-reuse", "ok", "ok"], audit.Select(a => a.Result).ToArray());

        // Another session of the same citizen is untouched.
        var other = await harness.SignInAsync("oUser-reuse-0001");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, other.AccessToken)).StatusCode);
    }

    /// <summary>Two refreshes with one token at once: one wins; the other finds the token spent, which is reuse, and the session ends.</summary>
    [Fact]
    public async Task Refresh_SameTokenTwiceAtOnce_OneWinsThenTheSessionIsRevoked()
    {
        await using var harness = await SignInHarness.StartAsync();
        var first = await harness.SignInAsync("oUser-race-refresh-0001");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => harness.PostRefreshAsync(first.RefreshToken)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var winner = await SignInHarness.TokensOf(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(winner.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_UnknownToken_401AndNothingStored(string token)
    {
        await using var harness = await SignInHarness.StartAsync();

        var response = await harness.PostRefreshAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.refresh_token_invalid", await SampleApplications.CodeOf(response));
        Assert.Empty(await harness.AuditAsync());
    }

    [Fact]
    public async Task Refresh_RandomSecretForAKnownSession_RefusedWithoutRevokingIt()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-guess-0001");
        var sessionId = tokens.RefreshToken.Split('.')[0];

        // Whoever saw an access token knows the session id; a guessed secret must not let them end the session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(sessionId + ".BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await harness.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithTheAccessToken_EndsTheSessionAtOnce()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-out-0001");
        using var citizen = harness.ClientWith(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, tokens.AccessToken)).StatusCode);

        var response = await citizen.PostAsync("/api/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(harness, tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(("sign-out", "ok"), ((await harness.AuditAsync())[1].Kind, (await harness.AuditAsync())[1].Result));
    }

    [Fact]
    public async Task SignOut_WithTheRefreshToken_EndsTheSession()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-out-0002");

        var response = await harness.App.Client.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(harness, tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithNeither_401()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-out-0003");
        var sessionId = tokens.RefreshToken.Split('.')[0];

        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.App.Client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.App.Client.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken = sessionId + ".CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, tokens.AccessToken)).StatusCode);
    }

    /// <summary>
    /// Citizen tokens run on the injected clock: past its ten minutes the access token is refused, a refresh
    /// gives a new one; past fourteen days unused the refresh token is refused too. (Development tokens keep
    /// the real clock: the staff client below still works after the clock moved.)
    /// </summary>
    [Fact]
    public async Task Expiry_UnderTheManualClock_AccessAfterMinutesRefreshAfterDays()
    {
        await using var harness = await SignInHarness.StartAsync();
        var tokens = await harness.SignInAsync("oUser-expiry-0001");
        using var supervisor = harness.App.ClientFor("supervisor", "", "sup-1", "周监察");

        harness.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, tokens.AccessToken)).StatusCode); // within the 30 s skew
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(harness, tokens.AccessToken)).StatusCode);

        var refreshed = await harness.RefreshAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, refreshed.AccessToken)).StatusCode);

        harness.Clock.Advance(TimeSpan.FromDays(14));
        var stale = await harness.PostRefreshAsync(refreshed.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("refresh-expired", (await harness.AuditAsync())[0].Result);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/evaluations")).StatusCode);
    }

    /// <summary>However often it is refreshed, a session ends <c>Auth:Citizen:SessionDays</c> after the sign-in.</summary>
    [Fact]
    public async Task Expiry_SessionRefreshedDaily_EndsAfterSessionDays()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:Citizen:RefreshTokenDays"] = "2", ["Auth:Citizen:SessionDays"] = "3" });
        var tokens = await harness.SignInAsync("oUser-session-0001");

        for (var day = 1; day <= 2; day++)
        {
            harness.Clock.Advance(TimeSpan.FromDays(1));
            tokens = await harness.RefreshAsync(tokens.RefreshToken);
        }

        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(harness, tokens.AccessToken)).StatusCode);
    }

    /// <summary>A citizen route: an empty rating is a 422 for a valid token, a 401 for an invalid one.</summary>
    private static async Task<HttpResponseMessage> Rate(SignInHarness harness, string accessToken)
    {
        using var client = harness.ClientWith(accessToken);
        return await client.PostAsJsonAsync("/api/evaluations", new { });
    }
}
