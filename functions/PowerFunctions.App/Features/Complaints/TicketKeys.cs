using System.Security.Cryptography;
using System.Text;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Table <c>ticketkeys</c>: one create-only row per (scope, key): a mini-program caller's
/// <c>Idempotency-Key</c> (scope <c>caller:{sub}</c>) or a hotline ticket's <c>hotlineTicketId</c> (scope
/// <c>hotline</c>), holding the body's hash and the ticket reserved for it. The row is written BEFORE the
/// ticket and holds what is needed to create it again: a crash in between leaves a reservation that the
/// retry (or the redelivered message) completes, never a half ticket and never a second one.
/// </summary>
public sealed class TicketKeys(IStorageAccount storage)
{
    private readonly ITableClient _table = storage.GetTableClient(ComplaintTables.Keys);

    public async Task<TicketReservation?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(Partition(scope), Row(key), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>Reserves the key: answers the reservation that holds it (ours, or the one written first by a concurrent request) and whether it is ours.</summary>
    public async Task<(TicketReservation Reservation, bool Created)> ReserveAsync(string scope, string key, TicketReservation wanted, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(scope), Row(key))
        {
            ["BodyHash"] = wanted.BodyHash,
            ["TicketNo"] = wanted.TicketNo,
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
                ?? throw new InvalidOperationException("a ticket key vanished after a conflict");
            return (existing, false);
        }
    }

    /// <summary>SHA-256 (hex) of a canonical body.</summary>
    public static string Hash(string canonicalBody) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalBody)));

    /// <summary>Keys are hashed: a caller's key may hold any character, and a hotline id is not spread into key names.</summary>
    private static string Partition(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..32];

    private static string Row(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static TicketReservation FromEntity(TableEntity e) => new(
        e.GetString("BodyHash") ?? string.Empty,
        e.GetString("TicketNo") ?? string.Empty,
        e.GetString("QueryCode") ?? string.Empty,
        e.GetDateTimeOffset("ReceivedAt") ?? default);
}
