using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Config;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Auth;

/// <summary>
/// Citizen access tokens: ES256 JWTs (<c>typ</c> <c>at+jwt</c>, RFC 9068) signed with the active key of
/// <see cref="CitizenKeyRing"/>, claims <c>iss</c>, <c>aud</c>, <c>sub</c> (our citizen subject), <c>sid</c>
/// (the session), <c>roles</c> = <c>["citizen"]</c>, <c>jti</c>, and once identity is proven <c>name</c>,
/// <c>rnl</c> (level) and <c>idh</c> (identity fingerprint, never the number).
/// <para>
/// Their times come from the injected clock — issued, and checked, by <see cref="TimeProvider"/> — unlike
/// development tokens, whose lifetime runs on the real clock so that moving the manual case clock does not
/// sign staff out. A citizen session is behaviour of the product (expiry, refresh, sign-out) that tests must
/// drive, and the manual clock exists only outside Production; under it, advancing past an access token's
/// minutes means a refresh, past a refresh token's days a new sign-in, as it would in real time.
/// </para>
/// </summary>
public sealed class CitizenTokens(CitizenKeyRing keys, AuthOptions options, TimeProvider clock, ICitizenSessions sessions)
{
    public const string TokenType = "at+jwt";

    /// <summary>Tolerance for clocks of other machines checking our tokens; ours issues and checks on one clock.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    public string Issuer => options.Citizen.Issuer;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(options.Citizen.AccessTokenMinutes);

    /// <summary>Whether any key is there to check citizen tokens with.</summary>
    public bool CanValidate => keys.Keys.Count > 0;

    /// <summary>Whether a signing key is there (else citizens cannot sign in).</summary>
    public bool CanIssue => keys.Active is not null;

    /// <summary>An access token for <paramref name="subject"/> in session <paramref name="sessionId"/>.</summary>
    public string Issue(string subject, string sessionId, RealNameProof? realName)
    {
        var key = keys.Active ?? throw new InvalidOperationException("no citizen signing key is configured (Auth:Citizen:Keys)");
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["sid"] = sessionId,
            ["roles"] = new[] { Roles.Citizen },
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (realName is not null)
        {
            claims["name"] = realName.Name;
            claims["rnl"] = realName.Level;
            claims["idh"] = realName.Fingerprint;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = options.Citizen.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AccessTokenLifetime).UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = new SigningCredentials(key.SecurityKey, CitizenKeyRing.Algorithm),
        });
    }

    /// <summary>The caller a citizen token names, or why it is refused (for the log, never the answer).</summary>
    public async Task<(Caller? Caller, string? Error)> ValidateAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var key = keys.Find(token.Kid);
        if (key is null)
        {
            return (null, "no citizen key has this kid");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Citizen.Audience,
            IssuerSigningKey = key.SecurityKey,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [CitizenKeyRing.Algorithm],
            ValidTypes = [TokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = false, // checked below against the injected clock
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception?.GetType().Name ?? "invalid");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || now > token.ValidTo + Skew || (token.ValidFrom != DateTime.MinValue && now + Skew < token.ValidFrom))
        {
            return (null, "expired or not yet valid");
        }

        var subject = token.Subject;
        if (string.IsNullOrWhiteSpace(subject) || !token.TryGetPayloadValue<string>("sid", out var sessionId) || string.IsNullOrWhiteSpace(sessionId))
        {
            return (null, "no sub or sid");
        }

        if (!await sessions.IsActiveAsync(sessionId, cancellationToken).ConfigureAwait(false))
        {
            return (null, "the session is signed out or revoked");
        }

        RealNameProof? proof = null;
        if (token.TryGetPayloadValue<string>("idh", out var fingerprint) && !string.IsNullOrEmpty(fingerprint)
            && token.TryGetPayloadValue<string>("name", out var name) && !string.IsNullOrEmpty(name)
            && TryLevel(token, out var level) && level >= 1)
        {
            proof = new RealNameProof(level, name, fingerprint);
        }

        var roles = new HashSet<string>(StringComparer.Ordinal) { Roles.Citizen };
        return (new Caller(subject, proof?.Name ?? subject, roles, null, proof, sessionId), null);
    }

    private static bool TryLevel(JsonWebToken token, out int level)
    {
        if (token.TryGetPayloadValue<int>("rnl", out level))
        {
            return true;
        }

        return token.TryGetPayloadValue<string>("rnl", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out level);
    }
}
