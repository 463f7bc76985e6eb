using System.Security.Cryptography;
using System.Text;
using Azure;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Applications;

/// <summary>
/// Table <c>idempotency</c>: one create-only row per (caller, key) holding the body's hash and the
/// case it reserved (number, query code, receipt instant). The row is written BEFORE the case, and
/// holds everything needed to create that case again: a crash in between leaves a reservation that
/// the client's retry completes, never a half case, and never a second one.
/// </summary>
public sealed class IdempotencyStore(IStorageAccount storage)
{
    private readonly ITableClient _table = storage.GetTableClient(CaseTables.Idempotency);

    public async Task<Reservation?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(Partition(scope), Row(key), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>Reserves the key: answers the reservation that holds it (ours, or the one a concurrent request wrote first).</summary>
    public async Task<(Reservation Reservation, bool Created)> ReserveAsync(string scope, string key, Reservation wanted, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(scope), Row(key))
        {
            ["BodyHash"] = wanted.BodyHash,
            ["CaseNo"] = wanted.CaseNo,
            ["QueryCode"] = wanted.QueryCode,
            ["ReceivedAt"] = wanted.ReceivedAt,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return (wanted, true);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            var existing = await FindAsync(scope, key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("an idempotency row vanished after a conflict");
            return (existing, false);
        }
    }

    /// <summary>SHA-256 (hex) of a canonical body.</summary>
    public static string Hash(string canonicalBody) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalBody)));

    private static string Partition(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..32];

    private static string Row(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static Reservation FromEntity(TableEntity e) => new(
        e.GetString("BodyHash") ?? string.Empty,
        e.GetString("CaseNo") ?? string.Empty,
        e.GetString("QueryCode") ?? string.Empty,
        e.GetDateTimeOffset("ReceivedAt") ?? default);
}

/// <summary>What an idempotency key holds: the body's hash and the case reserved for it.</summary>
public sealed record Reservation(string BodyHash, string CaseNo, string QueryCode, DateTimeOffset ReceivedAt);
