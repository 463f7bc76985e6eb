using System.Collections.Concurrent;
using Azure;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Table <c>authsessions</c>, one partition per citizen session (a refresh-token family). Row <c>session</c>:
/// subject, created and absolute end (<c>Auth:Citizen:SessionDays</c>), the SHA-256 of the one current
/// refresh token and when it was issued (it lives <c>Auth:Citizen:RefreshTokenDays</c>), the hashes of the last
/// <see cref="SpentKept"/> spent ones, and the revocation. Every change is one write under the row's ETag, so two
/// refreshes with one token cannot both win: the loser finds its token spent, which is reuse, and the session is
/// revoked — as it is whenever a spent token comes back (someone holds a copy). A spent token older than the last
/// <see cref="SpentKept"/> is merely refused. Row <c>nonce</c>: the hash of the nonce handed out for a proof of
/// identity. Times come from the injected clock.
/// <para>
/// As <see cref="ICitizenSessions"/> it tells the pipeline whether an access token's session is still open: read
/// from the table, remembered for <see cref="CheckCacheSeconds"/> s per instance (a sign-out on this instance
/// forgets at once; on another instance its access tokens stop within that time).
/// </para>
/// </summary>
public sealed class SessionStore(IStorageAccount storage, AuthOptions options, TimeProvider clock) : ICitizenSessions
{
    public const int SpentKept = 32;

    public const int CheckCacheSeconds = 30;

    private const string SessionRow = "session";
    private const string NonceRow = "nonce";
    private const int MaxCached = 50_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset EndsAt, long CheckedAt)> _active = new(StringComparer.Ordinal);

    private ITableClient Table => storage.GetTableClient(SignInTables.Sessions);

    private TimeSpan RefreshLifetime => TimeSpan.FromDays(options.Citizen.RefreshTokenDays);

    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Opens a session for <paramref name="subject"/>: its id and first refresh token.</summary>
    public async Task<(string SessionId, string RefreshToken)> StartAsync(string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessionId = RefreshToken.NewSessionId();
        var (token, hash) = RefreshToken.New(sessionId);
        await Table.AddEntityAsync(
            new TableEntity(sessionId, SessionRow)
            {
                ["Subject"] = subject,
                ["CreatedAt"] = now,
                ["EndsAt"] = now + TimeSpan.FromDays(options.Citizen.SessionDays),
                ["Hash"] = hash,
                ["HashIssuedAt"] = now,
                ["Generation"] = 1,
                ["Spent"] = string.Empty,
            },
            cancellationToken).ConfigureAwait(false);
        return (sessionId, token);
    }

    /// <summary>Presents a refresh token: rotated when current; the session revoked when it was already spent.</summary>
    public async Task<SessionRotation> RotateAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (!RefreshToken.TryParse(refreshToken, out var sessionId, out var hash))
        {
            return new SessionRotation(SessionRotationKind.Invalid);
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await Table.GetEntityAsync(sessionId, SessionRow, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new SessionRotation(SessionRotationKind.Invalid);
            }

            var subject = row.GetString("Subject");
            var now = clock.GetUtcNow();
            var current = row.GetString("Hash") ?? string.Empty;
            var spent = Spent(row);
            var isCurrent = RefreshToken.SameHash(current, hash);
            var wasSpent = !isCurrent && spent.Any(s => RefreshToken.SameHash(s, hash));
            if (!isCurrent && !wasSpent)
            {
                return new SessionRotation(SessionRotationKind.Invalid, sessionId, subject);
            }

            if (row.GetDateTimeOffset("RevokedAt") is not null)
            {
                return new SessionRotation(SessionRotationKind.Revoked, sessionId, subject);
            }

            try
            {
                if (wasSpent)
                {
                    await RevokeRowAsync(row, "refresh-token-reuse", cancellationToken).ConfigureAwait(false);
                    return new SessionRotation(SessionRotationKind.Reused, sessionId, subject);
                }

                if (now >= (row.GetDateTimeOffset("EndsAt") ?? now) || now >= (row.GetDateTimeOffset("HashIssuedAt") ?? now) + RefreshLifetime)
                {
                    return new SessionRotation(SessionRotationKind.Expired, sessionId, subject);
                }

                var (token, newHash) = RefreshToken.New(sessionId);
                row["Hash"] = newHash;
                row["HashIssuedAt"] = now;
                row["Generation"] = (row.GetInt32("Generation") ?? 1) + 1;
                row["Spent"] = string.Join(' ', spent.Prepend(current).Take(SpentKept));
                await Table.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
                return new SessionRotation(SessionRotationKind.Rotated, sessionId, subject, token);
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
            {
                // Someone changed the session meanwhile (a concurrent refresh or a sign-out): look again.
            }
        }

        throw new InvalidOperationException($"session {sessionId} kept changing under a refresh");
    }

    /// <summary>The session a refresh token belongs to (current or spent, not revoked), or null.</summary>
    public async Task<string?> SessionOfAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (!RefreshToken.TryParse(refreshToken, out var sessionId, out var hash))
        {
            return null;
        }

        var row = await Table.GetEntityAsync(sessionId, SessionRow, cancellationToken).ConfigureAwait(false);
        if (row is null || row.GetDateTimeOffset("RevokedAt") is not null)
        {
            return null;
        }

        return RefreshToken.SameHash(row.GetString("Hash") ?? string.Empty, hash) || Spent(row).Any(s => RefreshToken.SameHash(s, hash)) ? sessionId : null;
    }

    /// <summary>The subject of an open session, or null.</summary>
    public async Task<string?> SubjectOfAsync(string sessionId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityAsync(sessionId, SessionRow, cancellationToken).ConfigureAwait(false);
        return row is not null && IsOpen(row) ? row.GetString("Subject") : null;
    }

    /// <summary>Revokes a session (sign-out); false when it was not open.</summary>
    public async Task<bool> RevokeAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await Table.GetEntityAsync(sessionId, SessionRow, cancellationToken).ConfigureAwait(false);
            if (row is null || row.GetDateTimeOffset("RevokedAt") is not null)
            {
                _active.TryRemove(sessionId, out _);
                return false;
            }

            try
            {
                await RevokeRowAsync(row, reason, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
            {
            }
        }

        throw new InvalidOperationException($"session {sessionId} kept changing under a sign-out");
    }

    public async Task<bool> IsActiveAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_active.TryGetValue(sessionId, out var cached) && Environment.TickCount64 - cached.CheckedAt < CheckCacheSeconds * 1000L)
        {
            return now < cached.EndsAt;
        }

        var row = await Table.GetEntityAsync(sessionId, SessionRow, cancellationToken).ConfigureAwait(false);
        if (row is null || !IsOpen(row))
        {
            _active.TryRemove(sessionId, out _);
            return false;
        }

        if (_active.Count >= MaxCached)
        {
            _active.Clear();
        }

        _active[sessionId] = (row.GetDateTimeOffset("EndsAt") ?? now, Environment.TickCount64);
        return true;
    }

    /// <summary>A new nonce for a proof of identity in this session (replacing any earlier one), and how long it is good for.</summary>
    public async Task<(string Nonce, TimeSpan Lifetime)> NewNonceAsync(string sessionId, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromMinutes(options.RealName.NonceMinutes);
        var (nonce, hash) = RefreshToken.New(sessionId);
        await Table.UpsertEntityAsync(new TableEntity(sessionId, NonceRow) { ["Hash"] = hash, ["EndsAt"] = clock.GetUtcNow() + lifetime }, cancellationToken).ConfigureAwait(false);
        return (nonce, lifetime);
    }

    /// <summary>Uses up the session's nonce if <paramref name="nonce"/> is it and still good; true only once.</summary>
    public async Task<bool> ConsumeNonceAsync(string sessionId, string? nonce, CancellationToken cancellationToken)
    {
        if (!RefreshToken.TryParse(nonce, out var nonceSession, out var hash) || nonceSession != sessionId)
        {
            return false;
        }

        var row = await Table.GetEntityAsync(sessionId, NonceRow, cancellationToken).ConfigureAwait(false);
        if (row is null || row.GetDateTimeOffset("UsedAt") is not null
            || clock.GetUtcNow() >= (row.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue)
            || !RefreshToken.SameHash(row.GetString("Hash") ?? string.Empty, hash))
        {
            return false;
        }

        try
        {
            // Marked used under the ETag it was read with: of two presentations at once, one wins.
            row["UsedAt"] = clock.GetUtcNow();
            await Table.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e) || e.Status == 404)
        {
            return false;
        }
    }

    private bool IsOpen(TableEntity row) =>
        row.GetDateTimeOffset("RevokedAt") is null && clock.GetUtcNow() < (row.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue);

    private async Task RevokeRowAsync(TableEntity row, string reason, CancellationToken cancellationToken)
    {
        row["RevokedAt"] = clock.GetUtcNow();
        row["RevokedReason"] = reason;
        await Table.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
        _active.TryRemove(row.PartitionKey, out _);
    }

    private static string[] Spent(TableEntity row) =>
        (row.GetString("Spent") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
