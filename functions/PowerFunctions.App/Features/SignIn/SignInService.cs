using PowerFunctions.App.Auth;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Citizen sign-in: exchange the mini-program's login code at the platform, map its user to our citizen
/// subject (created on the first sign-in), open a session and answer an access token and a refresh token;
/// refresh (rotating, reuse revokes the session) and sign-out. Every outcome that reached the platform or a
/// session is audited; codes, tokens and session keys are stored and logged nowhere.
/// </summary>
public sealed class SignInService(
    MiniProgramClient platform,
    MiniProgramOptions platformOptions,
    CitizenStore citizens,
    SessionStore sessions,
    CitizenTokens tokens,
    SignInAudit audit,
    SignInLimiter limiter,
    ILogger<SignInService> logger)
{
    public const string KindMiniProgram = "mini-program";
    public const string KindRefresh = "refresh";
    public const string KindSignOut = "sign-out";

    public async Task<TokenPair> SignInAsync(string code, string clientAddress, string correlationId, CancellationToken cancellationToken)
    {
        if (!platformOptions.IsConfigured || !tokens.CanIssue)
        {
            throw SignInProblems.SignInUnavailable();
        }

        if (limiter.TryAcquire(clientAddress, code) is { } wait)
        {
            logger.LogWarning("sign-in refused by the rate limiter (client or code over its limit)");
            throw SignInProblems.SignInRateLimited(wait);
        }

        var exchange = await platform.ExchangeAsync(code, cancellationToken).ConfigureAwait(false);
        if (exchange.Outcome != CodeExchangeOutcome.Succeeded)
        {
            var (result, problem) = exchange.Outcome switch
            {
                CodeExchangeOutcome.CodeInvalid or CodeExchangeOutcome.CodeUsed => ("code-invalid", SignInProblems.CodeInvalid()),
                CodeExchangeOutcome.RateLimited => ("platform-rate-limited", SignInProblems.PlatformRateLimited(60)),
                CodeExchangeOutcome.UserBlocked => ("user-blocked", SignInProblems.UserBlocked()),
                _ => ("platform-unavailable", SignInProblems.PlatformUnavailable(5)),
            };
            await audit.RecordAsync(KindMiniProgram, result, null, null, correlationId, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("sign-in failed: {Result} (errcode {ErrorCode}, {Attempts} attempt(s))", result, exchange.ErrorCode, exchange.Attempts);
            throw problem;
        }

        var (subject, created) = await citizens.FindOrCreateAsync(platformOptions.AppId!, exchange.OpenId!, exchange.UnionId, cancellationToken).ConfigureAwait(false);
        var profile = await citizens.GetAsync(subject, cancellationToken).ConfigureAwait(false);
        var (sessionId, refreshToken) = await sessions.StartAsync(subject, cancellationToken).ConfigureAwait(false);
        var accessToken = tokens.Issue(subject, sessionId, profile?.RealName);
        await audit.RecordAsync(KindMiniProgram, "ok", subject, sessionId, correlationId, cancellationToken, newSubject: created).ConfigureAwait(false);
        logger.LogInformation("citizen {Subject} signed in (new {New})", subject, created);
        return new TokenPair(accessToken, (int)tokens.AccessTokenLifetime.TotalSeconds, refreshToken);
    }

    public async Task<TokenPair> RefreshAsync(string? refreshToken, string clientAddress, string correlationId, CancellationToken cancellationToken)
    {
        if (!tokens.CanIssue)
        {
            throw SignInProblems.SignInUnavailable();
        }

        if (limiter.TryAcquire(clientAddress, null) is { } wait)
        {
            logger.LogWarning("refresh refused by the rate limiter");
            throw SignInProblems.SignInRateLimited(wait);
        }

        var rotation = await sessions.RotateAsync(refreshToken, cancellationToken).ConfigureAwait(false);
        if (rotation.Kind != SessionRotationKind.Rotated)
        {
            var result = rotation.Kind switch
            {
                SessionRotationKind.Expired => "refresh-expired",
                SessionRotationKind.Revoked => "refresh-revoked",
                SessionRotationKind.Reused => "refresh-reuse",
                _ => "refresh-invalid",
            };
            if (rotation.SessionId is not null)
            {
                // Only what names one of our sessions is stored; garbage from anyone is logged.
                await audit.RecordAsync(KindRefresh, result, rotation.Subject, rotation.SessionId, correlationId, cancellationToken).ConfigureAwait(false);
            }

            if (rotation.Kind == SessionRotationKind.Reused)
            {
                logger.LogWarning("a spent refresh token of citizen {Subject} came back: session {SessionId} revoked", rotation.Subject, rotation.SessionId);
            }
            else
            {
                logger.LogInformation("refresh refused: {Result}", result);
            }

            throw SignInProblems.RefreshInvalid();
        }

        var subject = rotation.Subject!;
        var profile = await citizens.GetAsync(subject, cancellationToken).ConfigureAwait(false);
        var accessToken = tokens.Issue(subject, rotation.SessionId!, profile?.RealName);
        await audit.RecordAsync(KindRefresh, "ok", subject, rotation.SessionId, correlationId, cancellationToken).ConfigureAwait(false);
        return new TokenPair(accessToken, (int)tokens.AccessTokenLifetime.TotalSeconds, rotation.RefreshToken!);
    }

    /// <summary>
    /// Ends a session: the caller's own (a citizen token names it), or the one a refresh token belongs to. 401
    /// when neither names an open session (a session id alone, which an access token shows, is not enough).
    /// </summary>
    public async Task SignOutAsync(Caller? caller, string? refreshToken, string correlationId, CancellationToken cancellationToken)
    {
        var sessionId = caller?.SessionId
            ?? await sessions.SessionOfAsync(refreshToken, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.TokenInvalid();
        var subject = caller?.Subject ?? await sessions.SubjectOfAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var revoked = await sessions.RevokeAsync(sessionId, "sign-out", cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(KindSignOut, revoked ? "ok" : "already-ended", subject, sessionId, correlationId, cancellationToken).ConfigureAwait(false);
    }
}
