using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Enforcement;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Audit;

/// <summary>
/// Every hash-chained event stream the anchors cover, one partition each: cases (<c>case/{caseNo}</c>, table
/// <c>cases</c>), complaint tickets (<c>complaint/{ticketNo}</c>, table <c>tickets</c>) and penalty cases
/// (<c>penalty/{caseNo}</c>, table <c>penaltycases</c>). A head is read from the stream's snapshot row
/// (<c>Version</c>, <c>LastHash</c>, written in the same transaction as the events); one query per table reads
/// the snapshot rows of every partition. A stored chain is re-walked with its own kind's hashing.
/// </summary>
public sealed class AuditedChains(IStorageAccount storage, CaseStore cases, ComplaintStore complaints, PenaltyStore penalties)
{
    public const string CaseKind = "case";

    public const string ComplaintKind = "complaint";

    public const string PenaltyKind = "penalty";

    private const string SnapshotRow = "snapshot";

    private static readonly (string Kind, string Table)[] Kinds =
    [
        (CaseKind, CaseTables.Cases),
        (ComplaintKind, ComplaintTables.Tickets),
        (PenaltyKind, EnforcementTables.Cases),
    ];

    public static string StreamOf(string kind, string id) => kind + "/" + id;

    /// <summary>The head of every stream now.</summary>
    public async Task<IReadOnlyList<ChainHead>> HeadsAsync(CancellationToken cancellationToken)
    {
        var heads = new List<ChainHead>();
        foreach (var (kind, table) in Kinds)
        {
            var client = storage.GetTableClient(table);
            var query = new TableQuery { RowKeyFrom = SnapshotRow, RowKeyTo = SnapshotRow + '\0' };
            while (true)
            {
                var page = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Entities)
                {
                    if (row.RowKey == SnapshotRow && row.GetInt64("Version") is { } version && row.GetString("LastHash") is { Length: > 0 } head)
                    {
                        heads.Add(new ChainHead(StreamOf(kind, row.PartitionKey), version, head));
                    }
                }

                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }
        }

        return heads;
    }

    /// <summary>The stored chain of <paramref name="stream"/>, or null when the stream has no events (or is of no known kind).</summary>
    public async Task<StoredChain?> LoadAsync(string stream, CancellationToken cancellationToken)
    {
        var slash = stream.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var id = stream[(slash + 1)..];
        switch (stream[..slash])
        {
            case CaseKind:
                return Of(await cases.LoadEventsAsync(id, cancellationToken).ConfigureAwait(false), CaseChain.Verify);
            case PenaltyKind:
                return Of(await penalties.LoadEventsAsync(id, cancellationToken).ConfigureAwait(false), CaseChain.Verify);
            case ComplaintKind:
                var loaded = await complaints.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                if (loaded is null || loaded.Complaint.Events.Count == 0)
                {
                    return null;
                }

                var events = loaded.Complaint.Events.OrderBy(e => e.Seq).ToArray();
                return new StoredChain([.. events.Select(e => new ChainLink(e.Seq, e.Hash))], ComplaintChain.Verify(events));
            default:
                return null;
        }
    }

    /// <summary>A case or penalty chain from its raw events.</summary>
    private static StoredChain? Of(IReadOnlyList<CaseEvent>? events, Func<IReadOnlyList<CaseEvent>, ChainVerification> verify)
    {
        if (events is null || events.Count == 0)
        {
            return null;
        }

        var ordered = events.OrderBy(e => e.Seq).ToArray();
        return new StoredChain([.. ordered.Select(e => new ChainLink(e.Seq, e.Hash))], verify(ordered));
    }
}
