using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>POST /api/auth/mini-program against the fake platform on loopback: subjects, the platform's errors, retries, timeouts, secrets.</summary>
public sealed class MiniProgramSignInTests
{
    [Fact]
    public async Task SignIn_FirstTime_TokensForANewCitizenSubject()
    {
        await using var harness = await SignInHarness.StartAsync();
        var code = harness.Platform.IssueCode("oUser-first-0001");

        var response = await harness.PostSignInAsync(code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var tokens = await SignInHarness.TokensOf(response);
        Assert.Equal(600, tokens.ExpiresIn);
        Assert.Matches("^[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$", tokens.RefreshToken);
        var header = SignInHarness.Header(tokens.AccessToken);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.StartsWith("dev-", header.GetProperty("kid").GetString(), StringComparison.Ordinal);
        var payload = SignInHarness.Payload(tokens.AccessToken);
        var subject = payload.GetProperty("sub").GetString()!;
        Assert.Matches("^c-[0-9a-f]{24}$", subject);
        Assert.Equal(["citizen"], payload.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.False(payload.TryGetProperty("rnl", out _));
        Assert.DoesNotContain("oUser-first-0001", Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(tokens.AccessToken.Split('.')[1])), StringComparison.Ordinal);

        // The token works on a citizen route (a 422 for an empty rating, not a 401).
        using var citizen = harness.ClientWith(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.PostAsJsonAsync("/api/evaluations", new { })).StatusCode);

        var audit = Assert.Single(await harness.AuditAsync());
        Assert.Equal(("mini-program", "ok", subject, true), (audit.Kind, audit.Result, audit.Subject, audit.NewSubject));
    }

    [Fact]
    public async Task SignIn_SameUserAgain_SameSubjectNewSession()
    {
        await using var harness = await SignInHarness.StartAsync();

        var first = await harness.SignInAsync("oUser-again-0001");
        var second = await harness.SignInAsync("oUser-again-0001");
        var other = await harness.SignInAsync("oUser-other-0002");

        Assert.Equal(SignInHarness.Payload(first.AccessToken).GetProperty("sub").GetString(), SignInHarness.Payload(second.AccessToken).GetProperty("sub").GetString());
        Assert.NotEqual(SignInHarness.Payload(first.AccessToken).GetProperty("sid").GetString(), SignInHarness.Payload(second.AccessToken).GetProperty("sid").GetString());
        Assert.NotEqual(SignInHarness.Payload(first.AccessToken).GetProperty("sub").GetString(), SignInHarness.Payload(other.AccessToken).GetProperty("sub").GetString());
        var audit = await harness.AuditAsync();
        Assert.Equal(new[] { true, false, true }, audit.Select(a => a.NewSubject).ToArray()); // newest first: other, second, first
    }

    [Fact]
    public async Task SignIn_UnionIdAlreadyKnown_SameSubjectForTheNewOpenId()
    {
        await using var harness = await SignInHarness.StartAsync();

        var viaFirstApp = await harness.SignInAsync("oUser-app1-0001", "uUnion-0001");
        var viaSecondOpenId = await harness.SignInAsync("oUser-app2-0001", "uUnion-0001");

        Assert.Equal(SignInHarness.Payload(viaFirstApp.AccessToken).GetProperty("sub").GetString(), SignInHarness.Payload(viaSecondOpenId.AccessToken).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task SignIn_ManyFirstSignInsAtOnce_OneSubject()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:SignIn:PerClientPerMinute"] = "100" });
        var codes = Enumerable.Range(0, 12).Select(_ => harness.Platform.IssueCode("oUser-race-0001")).ToArray();

        var answers = await Task.WhenAll(codes.Select(async c => await SignInHarness.TokensOf(await harness.PostSignInAsync(c))));

        Assert.Single(answers.Select(a => SignInHarness.Payload(a.AccessToken).GetProperty("sub").GetString()).Distinct());
        Assert.Single(await harness.AuditAsync(), a => a.NewSubject);
    }

    /// <summary>The platform's documented errors: each a clear problem, none retried, nothing stored but the audit.</summary>
    [Theory]
    [InlineData(40029, "invalid code", 400, "auth.code_invalid", null)]
    [InlineData(40163, "code been used", 400, "auth.code_invalid", null)]
    [InlineData(45011, "api minute-quota reach limit  mustslower  retry next minute", 429, "auth.platform_rate_limited", "60")]
    [InlineData(40226, "high risk user", 403, "auth.user_blocked", null)]
    [InlineData(40125, "invalid appsecret", 503, "auth.platform_unavailable", "5")]
    [InlineData(40013, "invalid appid", 503, "auth.platform_unavailable", "5")]
    [InlineData(61024, "an errcode nobody documented", 503, "auth.platform_unavailable", "5")]
    public async Task SignIn_PlatformError_ProblemWithoutRetryNothingStored(int errcode, string errmsg, int status, string code, string? retryAfter)
    {
        await using var harness = await SignInHarness.StartAsync();
        var loginCode = harness.Platform.IssueCode("oUser-error-0001");
        harness.Platform.Script(loginCode, PlatformAnswer.Error(errcode, errmsg));

        var response = await harness.PostSignInAsync(loginCode);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, await SampleApplications.CodeOf(response));
        Assert.Equal(retryAfter, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, harness.Platform.Calls(loginCode));
        var audit = Assert.Single(await harness.AuditAsync());
        Assert.Null(audit.Subject);
        Assert.NotEqual("ok", audit.Result);

        // Nothing was created: the same user's next sign-in makes the subject, as a first one.
        await harness.SignInAsync("oUser-error-0001");
        Assert.True((await harness.AuditAsync())[0].NewSubject);
    }

    [Fact]
    public async Task SignIn_CodeUsedTwice_SecondIsCodeInvalid()
    {
        await using var harness = await SignInHarness.StartAsync();
        var code = harness.Platform.IssueCode("oUser-twice-0001");

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignInAsync(code)).StatusCode);
        var again = await harness.PostSignInAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("auth.code_invalid", await SampleApplications.CodeOf(again));
    }

    [Fact]
    public async Task SignIn_PlatformBusyThenAnswers_RetriedAndSignedIn()
    {
        await using var harness = await SignInHarness.StartAsync();
        var code = harness.Platform.IssueCode("oUser-busy-0001");
        harness.Platform.Script(code, PlatformAnswer.Busy(), PlatformAnswer.Status(502));

        var response = await harness.PostSignInAsync(code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, harness.Platform.Calls(code));
    }

    [Theory]
    [InlineData("busy")]
    [InlineData("500")]
    [InlineData("slow")]
    [InlineData("not-json")]
    public async Task SignIn_PlatformOutage_503WithRetryAfterWithinTheTimeouts(string failure)
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["MiniProgram:TimeoutSeconds"] = "0.3", ["MiniProgram:Retries"] = "2" });
        var code = harness.Platform.IssueCode("oUser-outage-0001");
        var answer = failure switch
        {
            "busy" => PlatformAnswer.Busy(),
            "500" => PlatformAnswer.Status(500),
            "slow" => PlatformAnswer.Slow(TimeSpan.FromSeconds(5)),
            _ => new PlatformAnswer(Raw: "<html>gateway</html>"),
        };
        harness.Platform.Script(code, answer, answer, answer);
        var watch = Stopwatch.StartNew();

        var response = await harness.PostSignInAsync(code);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("auth.platform_unavailable", await SampleApplications.CodeOf(response));
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(failure == "not-json" ? 1 : 3, harness.Platform.Calls(code)); // an answer that is not one is not retried
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}"); // 3 × 0.3 s plus pauses, not 3 × 5 s
        Assert.Equal("platform-unavailable", Assert.Single(await harness.AuditAsync()).Result);
    }

    [Fact]
    public async Task SignIn_SlowFirstAnswer_TimedOutAndRetried()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["MiniProgram:TimeoutSeconds"] = "0.3" });
        var code = harness.Platform.IssueCode("oUser-slow-0001");
        harness.Platform.Script(code, PlatformAnswer.Slow(TimeSpan.FromSeconds(5)));

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignInAsync(code)).StatusCode);
        Assert.Equal(2, harness.Platform.Calls(code));
    }

    [Fact]
    public async Task SignIn_PlatformUnreachable_503()
    {
        // A port nobody listens on: the connection is refused at once, every attempt.
        var settings = new Dictionary<string, string?> { ["MiniProgram:BaseUrl"] = "http://127.0.0.1:9", ["MiniProgram:TimeoutSeconds"] = "0.5" };
        await using var harness = await SignInHarness.StartAsync(settings);

        var response = await harness.PostSignInAsync(harness.Platform.IssueCode("oUser-unreach-0001"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("auth.platform_unavailable", await SampleApplications.CodeOf(response));
    }

    [Theory]
    [InlineData("{}", 422)]
    [InlineData("{\"code\":\"\"}", 422)]
    [InlineData("{\"code\":\"a b&secret=x\"}", 422)]
    [InlineData("{\"code\":42}", 400)]
    [InlineData("{not json", 400)]
    public async Task SignIn_BadBody_RefusedWithoutCallingThePlatform(string body, int status)
    {
        await using var harness = await SignInHarness.StartAsync();

        var response = await harness.App.Client.PostAsync("/api/auth/mini-program", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, harness.Platform.TotalCalls);
        Assert.Empty(await harness.AuditAsync());
    }

    [Fact]
    public async Task SignIn_NotConfigured_503SignInUnavailable()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.PostAsJsonAsync("/api/auth/mini-program", new { code = "0123456789abcdef" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("auth.sign_in_unavailable", await SampleApplications.CodeOf(response));
    }

    /// <summary>The app secret, the login codes and the session keys appear in no log line (at Trace) and nowhere in the stored data.</summary>
    [Fact]
    public async Task SignIn_SecretCodesAndSessionKeys_NeitherLoggedNorStored()
    {
        var logs = new CapturedLogs();
        await using var harness = await SignInHarness.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information", ["MiniProgram:TimeoutSeconds"] = "0.3" },
            overrideServices: s => s.AddSingleton<ILoggerProvider>(logs));
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = harness.Platform.IssueCode($"oUser-secret-000{i}", $"uUnion-secret-000{i}");
            codes.Add(code);
            Assert.Equal(HttpStatusCode.OK, (await harness.PostSignInAsync(code)).StatusCode);
        }

        var failing = new[] { PlatformAnswer.Error(40029, "invalid code"), PlatformAnswer.Slow(TimeSpan.FromSeconds(2)), PlatformAnswer.Status(500), PlatformAnswer.Error(40125, "invalid appsecret") };
        foreach (var answer in failing)
        {
            var code = harness.Platform.IssueCode("oUser-secret-fail");
            codes.Add(code);
            harness.Platform.Script(code, answer, answer, answer);
            Assert.NotEqual(HttpStatusCode.OK, (await harness.PostSignInAsync(code)).StatusCode);
        }

        var logged = logs.All;
        Assert.Contains("signed in", logged, StringComparison.Ordinal); // the capture works
        Assert.DoesNotContain(FakeMiniProgramPlatform.AppSecret, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("js_code", logged, StringComparison.Ordinal);
        Assert.All(codes, c => Assert.DoesNotContain(c, logged, StringComparison.Ordinal));
        Assert.All(harness.Platform.SessionKeys, k => Assert.DoesNotContain(k, logged, StringComparison.Ordinal));

        var stored = StoredText(harness.App.DataPath);
        Assert.Contains("oUser-secret-0001", stored, StringComparison.Ordinal); // the capture works: the openid links are stored
        Assert.DoesNotContain(FakeMiniProgramPlatform.AppSecret, stored, StringComparison.Ordinal);
        Assert.All(codes, c => Assert.DoesNotContain(c, stored, StringComparison.Ordinal));
        Assert.All(harness.Platform.SessionKeys, k => Assert.DoesNotContain(k, stored, StringComparison.Ordinal));
    }

    /// <summary>Every byte of the embedded store's files, as text (the SQLite file and its WAL).</summary>
    public static string StoredText(string dataPath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
