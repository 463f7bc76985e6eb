using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Enforcement;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Penalty cases in table <c>penaltycases</c>, as licensing cases are kept: one partition per case, row
/// <c>snapshot</c> (state, version, item, department, recorded deadlines) and one row per event
/// (<c>e-000000001</c>, …); a command writes its events and the new snapshot in ONE entity-group
/// transaction under the snapshot's ETag, so a concurrent writer fails it whole. Events are never
/// updated or deleted. Beside it: <c>penaltyopen</c>, the cases whose clocks still run (what a calendar
/// change visits), and <c>penaltyidempotency</c>, the opening requests by (officer, key). The party's name, identity
/// number and address are stored encrypted (<see cref="PersonalDataProtector"/>).
/// </summary>
public sealed class PenaltyStore(IStorageAccount storage, PersonalDataProtector protector)
{
    public const string SnapshotRow = "snapshot";

    /// <summary>The personal parts of penalty events.</summary>
    public static readonly PersonalEventFields PersonalFields = new(
        EnforcementTables.Cases,
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [PenaltyEventTypes.Opened] = ["party.name", "party.idNumber", "party.address"],
            [PenaltyEventTypes.Delivered] = ["recipient"],
        });

    private const string OpenPartition = "open";

    private readonly ITableClient _cases = storage.GetTableClient(EnforcementTables.Cases);
    private readonly ITableClient _open = storage.GetTableClient(EnforcementTables.OpenCases);
    private readonly ITableClient _keys = storage.GetTableClient(EnforcementTables.Idempotency);

    /// <summary>Case numbers are partition keys: letters, digits and dashes only.</summary>
    public static bool IsCaseNo(string? caseNo) =>
        caseNo is { Length: > 0 and <= 64 } && caseNo.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string EventRow(long seq) => StoredEvent.RowKey(seq);

    /// <summary>The case, or null when there is none.</summary>
    public async Task<LoadedPenalty?> LoadAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (!IsCaseNo(caseNo))
        {
            return null;
        }

        var rows = await AllRowsAsync(new TableQuery { PartitionKey = caseNo }, cancellationToken).ConfigureAwait(false);
        var snapshot = rows.FirstOrDefault(r => r.RowKey == SnapshotRow);
        if (snapshot is null)
        {
            return null;
        }

        var version = snapshot.GetInt64("Version") ?? 0;
        var events = rows.Where(r => r.RowKey.StartsWith(StoredEvent.RowPrefix, StringComparison.Ordinal)).Select(ToEvent).Where(e => e.Seq <= version).OrderBy(e => e.Seq).ToList();
        var recorded = JsonSerializer.Deserialize<List<RecordedDeadline>>(snapshot.GetString("Deadlines") ?? "[]", PenaltyChain.DataOptions) ?? [];
        return new LoadedPenalty(PenaltyCase.FromEvents(caseNo, events), snapshot.ETag, recorded);
    }

    /// <summary>The raw events, in order, for verification (not folded: a tampered row must still be listed); null when there is no case.</summary>
    public async Task<IReadOnlyList<CaseEvent>?> LoadEventsAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (!IsCaseNo(caseNo))
        {
            return null;
        }

        var rows = await AllRowsAsync(TableQuery.RowPrefix(caseNo, StoredEvent.RowPrefix), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows.Select(ToEvent).OrderBy(e => e.Seq).ToArray();
    }

    /// <summary>Creates a case (snapshot and first event), create-only: 409 if it exists.</summary>
    public Task CreateAsync(PenaltyCase created, IReadOnlyList<RecordedDeadline> deadlines, CancellationToken cancellationToken) =>
        _cases.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Snapshot(created, deadlines)),
                .. created.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(created.CaseNo, e))),
            ],
            cancellationToken);

    /// <summary>Appends the events of <paramref name="next"/> after <paramref name="loaded"/> and replaces the snapshot under its ETag (412 when another writer came first).</summary>
    public Task CommitAsync(LoadedPenalty loaded, PenaltyCase next, IReadOnlyList<RecordedDeadline> deadlines, CancellationToken cancellationToken)
    {
        var added = next.Events.Skip((int)loaded.Case.Version).ToArray();
        if (added.Length == 0)
        {
            return Task.CompletedTask;
        }

        return _cases.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Snapshot(next, deadlines), loaded.ETag),
                .. added.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(next.CaseNo, e))),
            ],
            cancellationToken);
    }

    public Task AddOpenAsync(string caseNo, string departmentCode, CancellationToken cancellationToken) =>
        _open.UpsertEntityAsync(new TableEntity(OpenPartition, caseNo) { ["DepartmentCode"] = departmentCode }, cancellationToken);

    public Task RemoveOpenAsync(string caseNo, CancellationToken cancellationToken) =>
        _open.DeleteEntityAsync(OpenPartition, caseNo, ETag.All, cancellationToken);

    /// <summary>Every case whose clocks still run.</summary>
    public async Task<IReadOnlyList<string>> OpenCasesAsync(CancellationToken cancellationToken) =>
        (await AllRowsAsync(TableQuery.Partition(OpenPartition), _open, cancellationToken).ConfigureAwait(false)).Select(r => r.RowKey).ToArray();

    /// <summary>
    /// The case an opening request with <paramref name="key"/> reserved for <paramref name="subject"/>:
    /// null when the key is new (then <paramref name="reserve"/> gives the number, recorded create-only);
    /// 409 <c>request.idempotency_conflict</c> when the key was used with another body.
    /// </summary>
    public async Task<(string CaseNo, bool Replayed)> ReserveAsync(string subject, string key, byte[] body, Func<Task<string>> reserve, CancellationToken cancellationToken)
    {
        var row = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject + "\n" + key)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await _keys.GetEntityAsync("open", row, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.GetString("BodyHash") != hash)
                {
                    throw Http.Problems.IdempotencyConflict("this Idempotency-Key opened a case with another body");
                }

                return (existing.GetString("CaseNo")!, true);
            }

            var caseNo = await reserve().ConfigureAwait(false);
            try
            {
                await _keys.AddEntityAsync(new TableEntity("open", row) { ["BodyHash"] = hash, ["CaseNo"] = caseNo }, cancellationToken).ConfigureAwait(false);
                return (caseNo, false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // the same key at the same moment: read what the other request reserved
            }
        }

        throw new InvalidOperationException("idempotency reservation did not settle");
    }

    private Task<List<TableEntity>> AllRowsAsync(TableQuery query, CancellationToken cancellationToken) => AllRowsAsync(query, _cases, cancellationToken);

    private static async Task<List<TableEntity>> AllRowsAsync(TableQuery query, ITableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        string? token = null;
        do
        {
            var page = await table.QueryAsync(query with { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Entities);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return rows;
    }

    private static TableEntity Snapshot(PenaltyCase c, IReadOnlyList<RecordedDeadline> deadlines) => new(c.CaseNo, SnapshotRow)
    {
        ["State"] = PenaltyNames.Of(c.State),
        ["Version"] = c.Version,
        ["ItemCode"] = c.Terms.ItemCode,
        ["DepartmentCode"] = c.Terms.DepartmentCode,
        ["LastHash"] = c.LastHash,
        ["Deadlines"] = JsonSerializer.Serialize(deadlines, PenaltyChain.DataOptions),
    };

    // The party's name, identity number and address are data paths; an actor here is always staff (no person roles).
    private TableEntity ToEntity(string caseNo, CaseEvent e) =>
        new StoredEvent(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash, e.Hash).ToEntity(caseNo, PersonalFields, protector);

    private CaseEvent ToEvent(TableEntity row)
    {
        var e = StoredEvent.Read(row, PersonalFields, protector);
        return new(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash, e.Hash);
    }
}
