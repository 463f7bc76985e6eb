using System.Globalization;
using System.Security.Claims;
using Azure;
using Microsoft.IdentityModel.JsonWebTokens;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Identity;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// A citizen proves identity with the government's unified identity service (an OpenID Connect issuer):
/// <list type="number">
/// <item><c>POST /api/auth/real-name/nonce</c> hands out a nonce bound to the caller's session;</item>
/// <item>the mini-program signs in at the identity service with that nonce and gets an ID token;</item>
/// <item><c>POST /api/auth/real-name {idToken}</c>: the token is checked (the service's keys, issuer, audience =
/// our client id, lifetime) and must carry the nonce — unused, unexpired, of this session — so an ID token of
/// someone else, or one replayed, proves nothing here. Its name and document number become a
/// <see cref="RealNameProof"/> (the number only as a keyed fingerprint), kept on the citizen's profile, and a
/// new access token carries it. An account keeps the identity it first proved (another → 409).</item>
/// </list>
/// </summary>
public sealed class RealNameService(
    SessionStore sessions,
    CitizenStore citizens,
    CitizenTokens tokens,
    IdentityFingerprints fingerprints,
    SignInAudit audit,
    AuthOptions options,
    RealNameVerifier verifier,
    ILogger<RealNameService> logger)
{
    public const string Kind = "real-name";

    public bool IsConfigured => verifier.Validator is not null && fingerprints.CanCompute;

    public async Task<NonceAnswer> NonceAsync(Caller caller, CancellationToken cancellationToken)
    {
        var sessionId = RequireSession(caller);
        if (!IsConfigured)
        {
            throw SignInProblems.RealNameUnavailable();
        }

        var (nonce, lifetime) = await sessions.NewNonceAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return new NonceAnswer(nonce, (int)lifetime.TotalSeconds);
    }

    public async Task<RealNameAnswer> ProveAsync(Caller caller, string? idToken, string correlationId, CancellationToken cancellationToken)
    {
        var sessionId = RequireSession(caller);
        if (!IsConfigured)
        {
            throw SignInProblems.RealNameUnavailable();
        }

        if (string.IsNullOrWhiteSpace(idToken))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["idToken"] = ["须提供身份认证服务签发的 ID Token"] });
        }

        var identity = await ValidateAsync(idToken, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            await FailAsync(caller, "id-token-invalid", correlationId, cancellationToken).ConfigureAwait(false);
            throw SignInProblems.IdTokenInvalid();
        }

        if (!await sessions.ConsumeNonceAsync(sessionId, identity.FindFirst("nonce")?.Value, cancellationToken).ConfigureAwait(false))
        {
            await FailAsync(caller, "nonce-invalid", correlationId, cancellationToken).ConfigureAwait(false);
            throw SignInProblems.IdTokenInvalid();
        }

        var realName = options.RealName;
        var name = identity.FindFirst(realName.NameClaim)?.Value;
        var number = identity.FindFirst(realName.IdNumberClaim)?.Value;
        var type = realName.IdTypeClaim is null ? RealNameRules.ResidentIdCard : identity.FindFirst(realName.IdTypeClaim)?.Value;
        var level = 1;
        if (realName.LevelClaim is not null && !int.TryParse(identity.FindFirst(realName.LevelClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out level))
        {
            level = 0;
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(type) || level < 1)
        {
            await FailAsync(caller, "id-token-incomplete", correlationId, cancellationToken).ConfigureAwait(false);
            throw SignInProblems.IdTokenInvalid();
        }

        var canonical = RealNameRules.CanonicalIdentity(type, number);
        var proof = new RealNameProof(level, name.Trim(), fingerprints.Compute(canonical));
        for (var attempt = 0; ; attempt++)
        {
            var profile = await citizens.GetAsync(caller.Subject, cancellationToken).ConfigureAwait(false)
                ?? throw Problems.TokenInvalid();
            if (profile.RealName is { } existing && !fingerprints.Matches(existing.Fingerprint, canonical))
            {
                await FailAsync(caller, "identity-conflict", correlationId, cancellationToken).ConfigureAwait(false);
                throw SignInProblems.RealNameConflict();
            }

            try
            {
                await citizens.SetRealNameAsync(profile, proof, verifier.Validator!.Authority, identity.FindFirst("sub")?.Value ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e) && attempt < 2)
            {
            }
        }

        await audit.RecordAsync(Kind, "ok", caller.Subject, sessionId, correlationId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("citizen {Subject} proved identity at level {Level}", caller.Subject, level);
        return new RealNameAnswer(tokens.Issue(caller.Subject, sessionId, proof), (int)tokens.AccessTokenLifetime.TotalSeconds, level);
    }

    private static string RequireSession(Caller caller) =>
        caller.SessionId ?? throw Problems.Forbidden("identity is proven in a session of the mini-program (sign in through POST /api/auth/mini-program)");

    private async Task<ClaimsIdentity?> ValidateAsync(string idToken, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(idToken);
        }
        catch (ArgumentException)
        {
            return null;
        }

        try
        {
            var (identity, error) = await verifier.Validator!.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            if (identity is null)
            {
                logger.LogDebug("ID token refused: {Reason}", error);
            }

            return identity;
        }
        catch (OidcUnavailableException e)
        {
            logger.LogWarning(e.InnerException, "the identity service's keys cannot be fetched");
            throw new ProblemException(503, "auth.real_name_unavailable", "实名认证服务暂不可用，请稍后重试", "the identity service cannot be reached", extensions: new Dictionary<string, object?> { ["retryAfter"] = 30 });
        }
    }

    private Task FailAsync(Caller caller, string result, string correlationId, CancellationToken cancellationToken)
    {
        logger.LogInformation("proof of identity refused for citizen {Subject}: {Result}", caller.Subject, result);
        return audit.RecordAsync(Kind, result, caller.Subject, caller.SessionId, correlationId, cancellationToken);
    }
}
