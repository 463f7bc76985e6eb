using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PowerFunctions.App.Tests.SignIn;

/// <summary>
/// An OpenID Connect issuer on loopback: <c>/.well-known/openid-configuration</c> naming itself and its
/// <c>jwks_uri</c>, the JWK Set of its RSA keys, and <see cref="Mint"/> for tokens signed with the active key.
/// It can rotate its key (<see cref="Rotate"/>) and go down (<see cref="Down"/>: 503 for everything).
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _keys = [];
    private readonly Lock _gate = new();
    private int _metadataRequests;

    private FakeOidcIssuer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
        Rotate();
    }

    /// <summary>The issuer URL (<c>http://127.0.0.1:port</c>), also the <c>iss</c> of its tokens.</summary>
    public string Authority { get; }

    /// <summary>Whether it answers 503 to everything.</summary>
    public bool Down { get; set; }

    /// <summary>Requests for the discovery document or the keys so far.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public RsaSecurityKey ActiveKey
    {
        get
        {
            lock (_gate)
            {
                return _keys[^1];
            }
        }
    }

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOidcIssuer? issuer = null;
        app.MapGet("/.well-known/openid-configuration", (HttpContext c) => issuer!.DiscoveryAsync(c));
        app.MapGet("/keys", (HttpContext c) => issuer!.KeysAsync(c));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer = new FakeOidcIssuer(app, address.TrimEnd('/'));
        return issuer;
    }

    /// <summary>A new active key; the old ones stay published unless <paramref name="retireOld"/>.</summary>
    public RsaSecurityKey Rotate(bool retireOld = false)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };
        lock (_gate)
        {
            if (retireOld)
            {
                _keys.Clear();
            }

            _keys.Add(key);
        }

        return key;
    }

    /// <summary>A token of this issuer: <paramref name="claims"/> plus iss, aud, iat/nbf/exp (from now, real time), signed RS256 with the active key (or <paramref name="key"/>).</summary>
    public string Mint(string audience, IDictionary<string, object> claims, TimeSpan? lifetime = null, SecurityKey? key = null, string? issuer = null, DateTime? now = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var at = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Claims = new Dictionary<string, object>(claims),
            IssuedAt = at,
            NotBefore = at,
            Expires = at + (lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(key ?? ActiveKey, algorithm),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task DiscoveryAsync(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        if (Down)
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = Authority + "/keys",
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["subject_types_supported"] = new[] { "public" },
        }));
    }

    private Task KeysAsync(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        if (Down)
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }

        List<RsaSecurityKey> keys;
        lock (_gate)
        {
            keys = [.. _keys];
        }

        var jwks = keys.Select(k =>
        {
            var p = k.Rsa.ExportParameters(false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = k.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
        });
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { keys = jwks }));
    }
}
