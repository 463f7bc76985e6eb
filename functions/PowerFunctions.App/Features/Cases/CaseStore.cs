using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Each case in its own partition of table <c>cases</c>: row <c>snapshot</c> (state, version, item,
/// department, recorded deadlines) and one row per event (<c>e-000000001</c>, …). A command writes its
/// events and the new snapshot in ONE entity-group transaction whose snapshot action carries the
/// previous ETag: a concurrent writer fails it whole. Events are only ever added. The applicant's name, identity
/// number and phone, an objector's name and contact, the delivery's recipient and the name of a citizen or objector as actor are
/// stored encrypted (<see cref="PersonalDataProtector"/>, <see cref="PersonalFields"/>); events read back are
/// exactly the events sealed, so the hash chain is over the plaintext.
/// </summary>
public sealed class CaseStore(IStorageAccount storage, PersonalDataProtector protector)
{
    public const string SnapshotRow = "snapshot";

    /// <summary>The personal parts of case events.</summary>
    public static readonly PersonalEventFields PersonalFields = new(
        CaseTables.Cases,
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [CaseEventTypes.Submitted] = ["applicant.name", "applicant.idNumber", "applicant.phone"],
            [CaseEventTypes.ObjectionFiled] = ["name", "contact"],
            [CaseEventTypes.Delivered] = ["recipient"],
        },
        "citizen",
        "public");

    private readonly ITableClient _table = storage.GetTableClient(CaseTables.Cases);

    public static string EventRow(long seq) => StoredEvent.RowKey(seq);

    /// <summary>The case, or null when there is none.</summary>
    public async Task<LoadedCase?> LoadAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (!IsCaseNo(caseNo))
        {
            return null;
        }

        var rows = new List<TableEntity>();
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = caseNo, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Entities);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var snapshot = rows.FirstOrDefault(r => r.RowKey == SnapshotRow);
        if (snapshot is null)
        {
            return null;
        }

        var version = snapshot.GetInt64("Version") ?? 0;
        var events = rows.Where(r => r.RowKey.StartsWith(StoredEvent.RowPrefix, StringComparison.Ordinal))
            .Select(ToEvent)
            .OrderBy(e => e.Seq)
            .Where(e => e.Seq <= version) // an event row beyond the snapshot cannot exist (one transaction), but never trust it
            .ToList();
        var recorded = JsonSerializer.Deserialize<List<StoredDeadline>>(snapshot.GetString("Deadlines") ?? "[]", CaseChain.DataOptions) ?? [];
        return new LoadedCase(Case.FromEvents(caseNo, events), snapshot.ETag, recorded);
    }

    /// <summary>The raw events of a case, in order, for verification (no folding: a tampered row must still be listed).</summary>
    public async Task<IReadOnlyList<CaseEvent>?> LoadEventsAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (!IsCaseNo(caseNo))
        {
            return null;
        }

        var page = await _table.QueryAsync(TableQuery.RowPrefix(caseNo, StoredEvent.RowPrefix), cancellationToken).ConfigureAwait(false);
        var events = new List<CaseEvent>(page.Entities.Select(ToEvent));
        var token = page.ContinuationToken;
        while (token is not null)
        {
            page = await _table.QueryAsync(TableQuery.RowPrefix(caseNo, StoredEvent.RowPrefix) with { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Entities.Select(ToEvent));
            token = page.ContinuationToken;
        }

        return events.Count == 0 ? null : events;
    }

    /// <summary>Creates a case: its snapshot and first event, create-only. 409 if the case exists.</summary>
    public Task CreateAsync(Case created, IReadOnlyList<StoredDeadline> deadlines, CancellationToken cancellationToken) =>
        _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Snapshot(created, deadlines)),
                .. created.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(created.CaseNo, e))),
            ],
            cancellationToken);

    /// <summary>Appends the events of <paramref name="next"/> after <paramref name="loaded"/> and replaces the snapshot under its ETag (412 when another writer came first).</summary>
    public Task CommitAsync(LoadedCase loaded, Case next, IReadOnlyList<StoredDeadline> deadlines, CancellationToken cancellationToken)
    {
        var added = next.Events.Skip((int)loaded.Case.Version).ToArray();
        if (added.Length == 0)
        {
            return Task.CompletedTask;
        }

        return _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Snapshot(next, deadlines), loaded.ETag),
                .. added.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(next.CaseNo, e))),
            ],
            cancellationToken);
    }

    /// <summary>Case numbers are the partition keys: letters, digits and dashes only.</summary>
    public static bool IsCaseNo(string caseNo) =>
        caseNo.Length is > 0 and <= 64 && caseNo.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static TableEntity Snapshot(Case c, IReadOnlyList<StoredDeadline> deadlines)
    {
        var e = new TableEntity(c.CaseNo, SnapshotRow);
        e["State"] = CaseNames.Of(c.State);
        e["Version"] = c.Version;
        e["ItemCode"] = c.Terms.ItemCode;
        e["DepartmentCode"] = c.Terms.DepartmentCode;
        e["ApplicantSubject"] = c.ApplicantSubject;
        e["LastHash"] = c.LastHash;
        e["Deadlines"] = JsonSerializer.Serialize(deadlines, CaseChain.DataOptions);
        return e;
    }

    private TableEntity ToEntity(string caseNo, CaseEvent e) =>
        new StoredEvent(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash, e.Hash).ToEntity(caseNo, PersonalFields, protector);

    private CaseEvent ToEvent(TableEntity row)
    {
        var e = StoredEvent.Read(row, PersonalFields, protector);
        return new(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash, e.Hash);
    }
}
