using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Auth;

/// <summary>
/// Turns a bearer token into a <see cref="Caller"/>. The token's unverified <c>iss</c> picks the one
/// validator that may check it, and that validator accepts only its own algorithms — no token is tried
/// against several keys or kinds:
/// <list type="bullet">
/// <item>citizen tokens we issued (<c>Auth:Citizen:Issuer</c>): ES256 by key id (<see cref="CitizenTokens"/>);</item>
/// <item>production tokens of the OpenID Connect issuer (<c>Auth:Authority</c>): its published keys, roles and
/// department mapped from <c>Auth:RolesClaim</c> and <c>Auth:DepartmentClaim</c>;</item>
/// <item>development tokens (<c>iss</c> <c>powerfunctions</c>, HS256 with <c>Auth:SigningKey</c>), which exist only
/// outside Production (the key is refused there at start).</item>
/// </list>
/// Why a token failed is logged at Debug and never answered: the caller learns only "invalid token".
/// </summary>
public sealed class Authenticator(
    TokenService development,
    CitizenTokens citizens,
    AuthOptions options,
    ILogger<Authenticator> logger,
    ProductionTokenValidator? production = null)
{
    /// <summary>Longer bearer values are refused unread.</summary>
    public const int MaxTokenLength = 8 * 1024;

    public async Task<Authentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return Refuse("empty or too long");
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refuse("not a JWS compact serialization");
        }

        var issuer = jwt.Issuer;
        if (citizens.CanValidate && string.Equals(issuer, citizens.Issuer, StringComparison.Ordinal))
        {
            var (caller, error) = await citizens.ValidateAsync(jwt, cancellationToken).ConfigureAwait(false);
            return caller is null ? Refuse("citizen token: " + error) : new Authentication(caller);
        }

        if (production is not null && production.Validator.Issued(issuer))
        {
            try
            {
                var (identity, error) = await production.Validator.ValidateAsync(jwt, cancellationToken).ConfigureAwait(false);
                var caller = identity is null ? null : CallerOf(identity);
                return caller is null ? Refuse("production token: " + (error ?? "no sub")) : new Authentication(caller);
            }
            catch (OidcUnavailableException e)
            {
                logger.LogWarning(e.InnerException, "the keys of the OpenID Connect issuer {Authority} cannot be fetched", e.Authority);
                return new Authentication(null, IssuerUnavailable: true);
            }
        }

        if (development.CanIssue && string.Equals(issuer, TokenService.Issuer, StringComparison.Ordinal))
        {
            var (caller, error) = await development.ValidateAsync(token).ConfigureAwait(false);
            return caller is null ? Refuse("development token: " + error) : new Authentication(caller);
        }

        return Refuse("no accepted issuer");
    }

    private Caller? CallerOf(ClaimsIdentity identity)
    {
        var subject = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = identity.FindAll(options.RolesClaim)
            .SelectMany(c => c.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        var department = identity.FindFirst(options.DepartmentClaim)?.Value;
        return new Caller(subject, identity.FindFirst(options.NameClaim)?.Value ?? subject, roles, string.IsNullOrWhiteSpace(department) ? null : department);
    }

    private Authentication Refuse(string reason)
    {
        logger.LogDebug("token refused: {Reason}", reason);
        return Authentication.Refused;
    }
}
