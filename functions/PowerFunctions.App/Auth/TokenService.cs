using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Auth;

/// <summary>
/// Development tokens: HS256 JWTs (<c>iss</c> <c>powerfunctions</c>) signed with <c>Auth:SigningKey</c>, issued by
/// the <c>token</c> command and the tests. The key is refused in Production, so these exist only outside it.
/// Lifetimes are checked against the real clock, never the manual domain clock: tokens are issued in real time,
/// and moving the case clock to a holiday in 2026 must not sign everyone out. (Citizen tokens, whose sessions
/// the tests drive, run on the injected clock: <see cref="CitizenTokens"/>.) They carry no proven identity.
/// </summary>
public sealed class TokenService
{
    public const string Issuer = "powerfunctions";
    public const string Audience = "powerfunctions-api";

    private readonly AuthOptions _options;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey? _key;

    public TokenService(IOptions<AuthOptions> options)
    {
        _options = options.Value;
        _key = string.IsNullOrEmpty(_options.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_options.SigningKey));
    }

    public bool CanIssue => _key is not null;

    /// <summary>A signed token; refused (InvalidOperationException) where no signing key is configured.</summary>
    public string Issue(string subject, string name, IEnumerable<string> roles, string? department, TimeSpan? lifetime = null)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured; no token can be issued");
        }

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["name"] = name,
            ["roles"] = roles.ToArray(),
        };
        if (!string.IsNullOrEmpty(department))
        {
            claims["dept"] = department;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(_options.TokenLifetimeHours)),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The caller a token names, or the reason it is refused.</summary>
    public async Task<(Caller? Caller, string? Error)> ValidateAsync(string token)
    {
        if (_key is null)
        {
            return (null, "no signing key is configured, so no token can be checked");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            RequireExpirationTime = true,
            NameClaimType = "name",
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception?.Message ?? "the token is not valid");
        }

        var identity = result.ClaimsIdentity;
        var subject = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return (null, "the token has no 'sub' claim");
        }

        var roles = identity.FindAll("roles").Select(c => c.Value)
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return (new Caller(subject, identity.FindFirst("name")?.Value ?? subject, roles, identity.FindFirst("dept")?.Value), null);
    }
}
