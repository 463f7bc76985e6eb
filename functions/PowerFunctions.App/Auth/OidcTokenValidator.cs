using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PowerFunctions.App.Auth;

/// <summary>
/// Checks tokens of one OpenID Connect issuer: its discovery document
/// (<c>{authority}/.well-known/openid-configuration</c>) and keys (<c>jwks_uri</c>) fetched and cached by
/// IdentityModel's <see cref="ConfigurationManager{T}"/> (refreshed every <c>refreshInterval</c>, and at once,
/// at most every <see cref="ForcedRefreshInterval"/>, when a token names a key it does not know: the issuer rotated). The discovery
/// document must name the configured issuer. Signature (asymmetric algorithms only), issuer, audience and
/// lifetime (on the real clock, as the issuer's) are checked. Used for production tokens (<c>Auth:Authority</c>)
/// and for the identity service's ID tokens (<c>Auth:RealName:Authority</c>).
/// </summary>
public sealed class OidcTokenValidator
{
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>The least time between two look-agains forced by unknown key ids.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long a request whose key is unknown waits for the issuer's new keys.</summary>
    public static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private long _lastForcedRefresh = long.MinValue / 2;
    private readonly string _audience;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public OidcTokenValidator(string authority, string audience, HttpClient http, TimeSpan? refreshInterval = null)
    {
        Authority = authority.TrimEnd('/');
        _audience = audience;
        var uri = new Uri(Authority);
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !uri.IsLoopback };
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            Authority + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = refreshInterval ?? TimeSpan.FromHours(1),
            RefreshInterval = BaseConfigurationManager.MinimumRefreshInterval, // the gate is ours (ForcedRefreshInterval)
        };
    }

    /// <summary>The issuer, without a trailing '/'.</summary>
    public string Authority { get; }

    /// <summary>Whether a token's <c>iss</c> is this issuer.</summary>
    public bool Issued(string? issuer) => Config.AppSettings.SameIssuer(issuer, Authority);

    /// <summary>
    /// The token's claims, or why it is refused (for the log). <see cref="OidcUnavailableException"/> when the
    /// issuer's keys cannot be had (never fetched and the issuer unreachable).
    /// </summary>
    public async Task<(ClaimsIdentity? Identity, string? Error)> ValidateAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var configuration = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (!Config.AppSettings.SameIssuer(configuration.Issuer, Authority))
        {
            return (null, "the discovery document names another issuer");
        }

        var result = await ValidateAsync(token, configuration).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && TryClaimForcedRefresh())
        {
            // A kid we have not seen: the issuer may have rotated its keys. IdentityModel refreshes in the background
            // (RequestRefresh); this request waits for the new document, briefly, so the first token of a new key is
            // not refused. At most one such wait per ForcedRefreshInterval: unknown kids cannot make us fetch on demand.
            var stale = configuration;
            _configuration.RequestRefresh();
            var deadline = Environment.TickCount64 + (long)RefreshWait.TotalMilliseconds;
            while (ReferenceEquals(configuration, stale) && Environment.TickCount64 < deadline)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
                configuration = await GetAsync(cancellationToken).ConfigureAwait(false);
            }

            result = await ValidateAsync(token, configuration).ConfigureAwait(false);
        }

        return result.IsValid ? (result.ClaimsIdentity, null) : (null, result.Exception?.GetType().Name ?? "invalid");
    }

    private bool TryClaimForcedRefresh()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastForcedRefresh);
        return now - last >= (long)ForcedRefreshInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastForcedRefresh, now, last) == last;
    }

    private async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _configuration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new OidcUnavailableException(Authority, e);
        }
    }

    private Task<TokenValidationResult> ValidateAsync(JsonWebToken token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = _audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AsymmetricAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
}
