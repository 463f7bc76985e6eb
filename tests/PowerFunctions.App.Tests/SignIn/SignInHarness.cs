using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.SignIn;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>
/// The app (embedded store, manual clock) wired to a fake mini-program platform on loopback, and — with
/// <c>realName</c> — to a fake identity service (OpenID Connect issuer) with an identity hash key. Citizens sign
/// in over HTTP exactly as the mini-program does.
/// </summary>
public sealed class SignInHarness : IAsyncDisposable
{
    public const string RealNameClientId = "powerfunctions-mini";
    public static readonly string HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private SignInHarness(TestApp app, FakeMiniProgramPlatform platform, FakeOidcIssuer? identityService)
    {
        App = app;
        Platform = platform;
        IdentityService = identityService;
    }

    public TestApp App { get; }

    public FakeMiniProgramPlatform Platform { get; }

    public FakeOidcIssuer? IdentityService { get; }

    public ManualClock Clock => (ManualClock)App.Get<TimeProvider>();

    public static async Task<SignInHarness> StartAsync(IDictionary<string, string?>? settings = null, bool realName = false, string? dataPath = null, Action<IServiceCollection>? overrideServices = null)
    {
        var platform = await FakeMiniProgramPlatform.StartAsync();
        var identityService = realName ? await FakeOidcIssuer.StartAsync() : null;
        var values = Settings(platform, identityService);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        try
        {
            var app = await TestApp.StartAsync(values, dataPath, overrideServices);
            return new SignInHarness(app, platform, identityService);
        }
        catch
        {
            await platform.DisposeAsync();
            if (identityService is not null)
            {
                await identityService.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The settings that point the app at the fakes.</summary>
    public static Dictionary<string, string?> Settings(FakeMiniProgramPlatform platform, FakeOidcIssuer? identityService)
    {
        var values = new Dictionary<string, string?>
        {
            ["MiniProgram:BaseUrl"] = platform.BaseAddress.ToString(),
            ["MiniProgram:AppId"] = FakeMiniProgramPlatform.AppId,
            ["MiniProgram:AppSecret"] = FakeMiniProgramPlatform.AppSecret,
            ["MiniProgram:RetryDelayMilliseconds"] = "10",
        };
        if (identityService is not null)
        {
            values["Auth:RealName:Authority"] = identityService.Authority;
            values["Auth:RealName:ClientId"] = RealNameClientId;
            values["Auth:RealName:HashKeys:h1"] = HashKey;
        }

        return values;
    }

    public Task<HttpResponseMessage> PostSignInAsync(string code, HttpClient? client = null) =>
        (client ?? App.Client).PostAsJsonAsync("/api/auth/mini-program", new { code });

    /// <summary>Signs a platform user in with a fresh code; answers the token pair (asserting 200).</summary>
    public async Task<CitizenTokensAnswer> SignInAsync(string openId, string? unionId = null)
    {
        var response = await PostSignInAsync(Platform.IssueCode(openId, unionId));
        return await TokensOf(response);
    }

    public async Task<HttpResponseMessage> PostRefreshAsync(string refreshToken) =>
        await App.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    public async Task<CitizenTokensAnswer> RefreshAsync(string refreshToken) => await TokensOf(await PostRefreshAsync(refreshToken));

    public HttpClient ClientWith(string accessToken)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>An ID token of the identity service for this session's nonce (or <paramref name="nonce"/>).</summary>
    public string IdToken(string nonce, string name, string idNumber, IDictionary<string, object>? extra = null, string? audience = null, TimeSpan? lifetime = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "gov-" + idNumber[^4..], ["nonce"] = nonce, ["name"] = name, ["id_number"] = idNumber };
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            claims[key] = value;
        }

        return IdentityService!.Mint(audience ?? RealNameClientId, claims, lifetime);
    }

    public async Task<string> NonceAsync(string accessToken)
    {
        using var client = ClientWith(accessToken);
        var response = await client.PostAsync("/api/auth/real-name/nonce", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("nonce").GetString()!;
    }

    public async Task<HttpResponseMessage> PostRealNameAsync(string accessToken, string idToken)
    {
        using var client = ClientWith(accessToken);
        return await client.PostAsJsonAsync("/api/auth/real-name", new { idToken });
    }

    /// <summary>The whole proof of identity: nonce, the identity service's ID token, our new access token.</summary>
    public async Task<string> ProveAsync(string accessToken, string name, string idNumber)
    {
        var nonce = await NonceAsync(accessToken);
        var response = await PostRealNameAsync(accessToken, IdToken(nonce, name, idNumber));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    public Task<IReadOnlyList<SignInAuditEntry>> AuditAsync() =>
        App.Get<SignInAudit>().ListAsync(Domain.Common.ChinaTime.Today(App.Get<TimeProvider>()), CancellationToken.None);

    /// <summary>The decoded payload of a JWT (anyone can read it: that is the point of the checks on it).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[1]))).RootElement.Clone();

    public static JsonElement Header(string jwt) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[0]))).RootElement.Clone();

    public static async Task<CitizenTokensAnswer> TokensOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        var root = JsonDocument.Parse(text).RootElement;
        return new CitizenTokensAnswer(root.GetProperty("accessToken").GetString()!, root.GetProperty("expiresIn").GetInt32(), root.GetProperty("refreshToken").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Platform.DisposeAsync();
        if (IdentityService is not null)
        {
            await IdentityService.DisposeAsync();
        }
    }
}
