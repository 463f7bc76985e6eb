using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>Citizen access tokens as others see them: the JWKS, independent validators, key rotation, forgeries, bad keys.</summary>
public sealed class CitizenTokenTests
{
    private static readonly string KeyOne = NewKey();
    private static readonly string KeyTwo = NewKey();

    /// <summary>
    /// An issued token is verified by code that shares nothing with ours: the public key rebuilt from the JWKS's
    /// x and y, the ES256 signature (r‖s) checked over the signing input with .NET's ECDsa. Real clock here, so
    /// a standard validator's lifetime check applies too.
    /// </summary>
    [Fact]
    public async Task Jwks_IndependentValidators_VerifyAnIssuedToken()
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Clock:Mode"] = "System", ["Clock:Start"] = null });
        var tokens = await harness.SignInAsync("oUser-jwks-0001");

        var atRoot = await harness.App.Client.GetAsync("/.well-known/jwks.json");
        var underApi = await harness.App.Client.GetAsync("/api/.well-known/jwks.json");

        Assert.Equal("application/jwk-set+json", atRoot.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=300", atRoot.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var jwksText = await atRoot.Content.ReadAsStringAsync();
        Assert.Equal(jwksText, await underApi.Content.ReadAsStringAsync());
        var key = Assert.Single(JsonDocument.Parse(jwksText).RootElement.GetProperty("keys").EnumerateArray());
        Assert.False(key.TryGetProperty("d", out _)); // no private part
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString(), key.GetProperty("alg").GetString(), key.GetProperty("use").GetString()));

        // 1. By hand.
        var parts = tokens.AccessToken.Split('.');
        Assert.Equal(key.GetProperty("kid").GetString(), SignInHarness.Header(tokens.AccessToken).GetProperty("kid").GetString());
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.GetProperty("x").GetString()!), Y = Base64UrlEncoder.DecodeBytes(key.GetProperty("y").GetString()!) },
        });
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256));
        Assert.False(ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1] + "x"), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256));

        // 2. A standard validator that starts from our discovery document, as another service would.
        var discovery = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(harness.App.BaseAddress, "/api/.well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });
        var configuration = await discovery.GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = "powerfunctions-api",
            IssuerSigningKeys = configuration.SigningKeys,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("powerfunctions-citizen", configuration.Issuer);
    }

    /// <summary>Rotation: a new active key signs; the retired one (its public key kept) still verifies its tokens until removed.</summary>
    [Fact]
    public async Task Rotation_OldKeyKeptPublic_OldTokensAcceptedUntilItIsRemoved()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-rotate-" + Guid.NewGuid().ToString("N"));
        await using var before = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:Citizen:Keys:k1:PrivateKey"] = KeyOne }, dataPath: dataPath);
        var old = await before.SignInAsync("oUser-rotate-key-0001");
        Assert.Equal("k1", SignInHarness.Header(old.AccessToken).GetProperty("kid").GetString());

        await using var during = await SignInHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:Citizen:Keys:k1:PublicKey"] = PublicOf(KeyOne),
                ["Auth:Citizen:Keys:k2:PrivateKey"] = KeyTwo,
            },
            dataPath: dataPath);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(during, old.AccessToken)).StatusCode);
        var fresh = await during.SignInAsync("oUser-rotate-key-0001");
        Assert.Equal("k2", SignInHarness.Header(fresh.AccessToken).GetProperty("kid").GetString());
        var kids = JsonDocument.Parse(await during.App.Client.GetStringAsync("/.well-known/jwks.json")).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
        Assert.Equal(["k2", "k1"], kids);

        await using var after = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:Citizen:Keys:k2:PrivateKey"] = KeyTwo }, dataPath: dataPath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Rate(after, old.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(after, fresh.AccessToken)).StatusCode);

        // The refresh token is not signed: it outlives the key, and its next access token is signed by k2.
        var refreshed = await after.RefreshAsync(old.RefreshToken);
        Assert.Equal("k2", SignInHarness.Header(refreshed.AccessToken).GetProperty("kid").GetString());
    }

    public static TheoryData<string, Func<string, string>> Forgeries() => new()
    {
        { "another key, our kid", t => Resign(t, NewKey(), null) },
        { "alg none", t => AlgNone(t) },
        { "HS256 keyed with the public key", t => Hs256WithPublicKey(t) },
        { "typ JWT", t => Resign(t, KeyOne, h => h["typ"] = "JWT") },
        { "another audience", t => Resign(t, KeyOne, null, p => p["aud"] = "another-api") },
        { "another issuer", t => Resign(t, KeyOne, null, p => p["iss"] = "powerfunctions") },
        { "unknown kid", t => Resign(t, KeyOne, h => h["kid"] = "k9") },
        { "another subject", t => Resign(t, NewKey(), null, p => p["sub"] = "c-000000000000000000000000") },
        { "roles added, resigned elsewhere", t => Resign(t, NewKey(), null, p => p["roles"] = new JsonArray("citizen", "admin")) },
        { "payload changed, signature kept", t => KeepSignature(t, p => p["sub"] = "c-111111111111111111111111") },
        { "expired", t => Resign(t, KeyOne, null, p => p["exp"] = p["iat"]!.GetValue<long>() - 60) },
        { "truncated", t => t[..^10] },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forgery_Refused401SayingOnlyInvalidToken(string what, Func<string, string> forge)
    {
        await using var harness = await SignInHarness.StartAsync(new Dictionary<string, string?> { ["Auth:Citizen:Keys:k1:PrivateKey"] = KeyOne });
        var tokens = await harness.SignInAsync("oUser-forge-0001");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Rate(harness, Resign(tokens.AccessToken, KeyOne, null))).StatusCode); // the re-signing itself is sound

        var response = await Rate(harness, forge(tokens.AccessToken));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, what);
        var problem = await SampleApplications.Json(response);
        Assert.Equal("the token is invalid", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("IDX", problem.GetRawText(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadKeys() => new()
    {
        { "Auth:Citizen:Keys:k1:PrivateKey", "not a key", "Auth:Citizen:Keys:k1:PrivateKey" },
        { "Auth:Citizen:Keys:k1:PrivateKey", ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKeyPem(), "P-256" },
        { "Auth:Citizen:Keys:k1:PrivateKey", RSA.Create(2048).ExportPkcs8PrivateKeyPem(), "Auth:Citizen:Keys:k1:PrivateKey" },
        { "Auth:Citizen:Keys:k1:PublicKey", PublicOf(KeyTwo), "is not the public key" },
        { "Auth:Citizen:Keys:k2:PrivateKey", KeyTwo, "Auth:Citizen:ActiveKey" },
        { "Auth:Citizen:ActiveKey", "k7", "names no key" },
        { "Auth:Citizen:Keys:bad kid:PrivateKey", KeyTwo, "key id" },
        { "Auth:Citizen:Issuer", "powerfunctions", "Auth:Citizen:Issuer" },
        { "Auth:Citizen:AccessTokenMinutes", "0", "Auth:Citizen:AccessTokenMinutes" },
        { "Auth:Citizen:SessionDays", "7", "Auth:Citizen:SessionDays" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Start_BadCitizenKeySetting_RefusedNamingItNeverTheKey(string setting, string value, string expected)
    {
        var e = Assert.Throws<ConfigurationException>(() => PowerFunctionsHost.Build(
        [
            "--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-keys-" + Guid.NewGuid().ToString("N")),
            "--Auth:Citizen:Keys:k1:PrivateKey=" + KeyOne, $"--{setting}={value}",
        ]));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyOne.Split('\n')[1], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DevelopmentKeyInProduction_Refused()
    {
        var e = Assert.Throws<ConfigurationException>(() => PowerFunctionsHost.Build(
            ["--environment=Production", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.GetTempPath(), "--Auth:SigningKey=" + TestApp.SigningKey]));

        Assert.Contains("Auth:SigningKey is refused in Production", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.SigningKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenCommand_InProduction_RefusesTheDevelopmentKey()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.True(Cli.Commands.TryRun(["token", "--sub", "u1", "--roles", "admin", "--environment=Production", "--Auth:SigningKey=" + TestApp.SigningKey], output, error, out var exitCode));

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
        Assert.Contains("Auth:SigningKey is refused in Production", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_MiniProgramInProductionWithoutCitizenKey_Refused()
    {
        using var app = PowerFunctionsHost.Build(
        [
            "--environment=Production", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-prod-" + Guid.NewGuid().ToString("N")),
            "--MiniProgram:AppId=" + FakeMiniProgramPlatform.AppId, "--MiniProgram:AppSecret=" + FakeMiniProgramPlatform.AppSecret,
        ]);

        var e = Assert.Throws<ConfigurationException>(() => app.Services.GetService(typeof(Features.SignIn.MiniProgramOptions)));

        Assert.Contains("Auth:Citizen:Keys", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeMiniProgramPlatform.AppSecret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnresolvedKeyVaultReference_RefusedSayingWhatToFix()
    {
        using var app = PowerFunctionsHost.Build(
        [
            "--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:DataPath=" + Path.Combine(Path.GetTempPath(), "pf-kv-" + Guid.NewGuid().ToString("N")),
            "--MiniProgram:AppId=" + FakeMiniProgramPlatform.AppId, "--MiniProgram:AppSecret=@Microsoft.KeyVault(VaultName=pf-kv;SecretName=miniprogram-app-secret)",
        ]);

        var e = Assert.Throws<ConfigurationException>(() => app.Services.GetService(typeof(Features.SignIn.MiniProgramOptions)));

        Assert.Contains("Key Vault Secrets User", e.Message, StringComparison.Ordinal);
    }

    public static string NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    private static string PublicOf(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static async Task<HttpResponseMessage> Rate(SignInHarness harness, string accessToken)
    {
        using var client = harness.ClientWith(accessToken);
        return await client.PostAsJsonAsync("/api/evaluations", new { });
    }

    private static (JsonObject Header, JsonObject Payload) Parts(string token)
    {
        var parts = token.Split('.');
        return (JsonNode.Parse(Base64UrlEncoder.DecodeBytes(parts[0]))!.AsObject(), JsonNode.Parse(Base64UrlEncoder.DecodeBytes(parts[1]))!.AsObject());
    }

    private static string Encode(JsonObject node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    /// <summary>The token with its header and payload changed, signed ES256 with <paramref name="privatePem"/>.</summary>
    private static string Resign(string token, string privatePem, Action<JsonObject>? header, Action<JsonObject>? payload = null)
    {
        var (h, p) = Parts(token);
        header?.Invoke(h);
        payload?.Invoke(p);
        var input = Encode(h) + "." + Encode(p);
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return input + "." + Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    private static string AlgNone(string token)
    {
        var (h, p) = Parts(token);
        h["alg"] = "none";
        return Encode(h) + "." + Encode(p) + ".";
    }

    private static string Hs256WithPublicKey(string token)
    {
        var (h, p) = Parts(token);
        h["alg"] = "HS256";
        var input = Encode(h) + "." + Encode(p);
        var secret = Encoding.ASCII.GetBytes(PublicOf(KeyOne));
        return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    private static string KeepSignature(string token, Action<JsonObject> payload)
    {
        var (h, p) = Parts(token);
        payload(p);
        return Encode(h) + "." + Encode(p) + "." + token.Split('.')[2];
    }
}
