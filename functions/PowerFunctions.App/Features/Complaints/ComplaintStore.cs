using System.Globalization;
using System.Text.Json;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Each ticket in its own partition of table <c>tickets</c>: row <c>snapshot</c> (state, version, owner, the
/// clocks recorded at the last commit), one row per event (<c>e-000000001</c>, …, never updated or deleted) and
/// the outbox rows of its status messages (<c>outbox-…</c>, written by the same transaction). A command writes
/// its events, the new snapshot and its outbox rows in ONE entity-group transaction whose snapshot action
/// carries the previous ETag: a concurrent writer fails it whole. The filer's name, phone and e-mail (a reporter's
/// above all, 举报) and a citizen filer's own name as actor are stored encrypted (<see cref="PersonalDataProtector"/>).
/// </summary>
public sealed class ComplaintStore(IStorageAccount storage, PersonalDataProtector protector)
{
    public const string SnapshotRow = "snapshot";

    /// <summary>The personal parts of ticket events.</summary>
    public static readonly PersonalEventFields PersonalFields = new(
        ComplaintTables.Tickets,
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [ComplaintEventTypes.Received] = ["contact.name", "contact.phone", "contact.email", "location"],
        },
        ComplaintRoles.Citizen);

    private static readonly JsonSerializerOptions DeadlineJson = new(JsonSerializerDefaults.Web);

    private readonly ITableClient _table = storage.GetTableClient(ComplaintTables.Tickets);

    public static string EventRow(long seq) => StoredEvent.RowKey(seq);

    /// <summary>Ticket numbers are partition keys: letters, digits and dashes, at most 64.</summary>
    public static bool IsTicketNo(string? ticketNo) =>
        ticketNo is { Length: > 0 and <= 64 } && ticketNo.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The ticket, or null when there is none.</summary>
    public async Task<LoadedComplaint?> LoadAsync(string ticketNo, CancellationToken cancellationToken)
    {
        if (!IsTicketNo(ticketNo))
        {
            return null;
        }

        var rows = new List<TableEntity>();
        var query = TableQuery.Partition(ticketNo);
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        var snapshot = rows.FirstOrDefault(r => r.RowKey == SnapshotRow);
        if (snapshot is null)
        {
            return null;
        }

        var version = snapshot.GetInt64("Version") ?? 0;
        var events = rows.Where(r => r.RowKey.StartsWith(StoredEvent.RowPrefix, StringComparison.Ordinal))
            .Select(ToEvent)
            .Where(e => e.Seq <= version)
            .OrderBy(e => e.Seq)
            .ToList();
        var recorded = JsonSerializer.Deserialize<List<StoredDeadline>>(snapshot.GetString("Deadlines") ?? "[]", DeadlineJson) ?? [];
        return new LoadedComplaint(Complaint.FromEvents(ticketNo, events), snapshot.ETag, [.. recorded.Select(d => d.ToDeadline())]);
    }

    /// <summary>The snapshot row alone (state, owner, category, receipt), or null: what lists of tickets read.</summary>
    public Task<TableEntity?> SnapshotAsync(string ticketNo, CancellationToken cancellationToken) =>
        IsTicketNo(ticketNo) ? _table.GetEntityAsync(ticketNo, SnapshotRow, cancellationToken) : Task.FromResult<TableEntity?>(null);

    /// <summary>Creates a ticket: snapshot, first event and <paramref name="outbox"/> rows, create-only (409 if it exists).</summary>
    public Task CreateAsync(Complaint created, IReadOnlyList<ComplaintDeadline> deadlines, IReadOnlyList<TableTransactionAction> outbox, CancellationToken cancellationToken) =>
        _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Snapshot(created, deadlines)),
                .. created.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(created.TicketNo, e))),
                .. outbox,
            ],
            cancellationToken);

    /// <summary>Appends the events of <paramref name="next"/> after <paramref name="loaded"/>, replaces the snapshot under its ETag (412 when another writer came first) and adds the outbox rows, in one transaction.</summary>
    public Task CommitAsync(LoadedComplaint loaded, Complaint next, IReadOnlyList<ComplaintDeadline> deadlines, IReadOnlyList<TableTransactionAction> outbox, CancellationToken cancellationToken)
    {
        var added = next.Events.Skip((int)loaded.Complaint.Version).ToArray();
        if (added.Length == 0)
        {
            return Task.CompletedTask;
        }

        return _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Snapshot(next, deadlines), loaded.ETag),
                .. added.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(next.TicketNo, e))),
                .. outbox,
            ],
            cancellationToken);
    }

    private static TableEntity Snapshot(Complaint c, IReadOnlyList<ComplaintDeadline> deadlines)
    {
        var e = new TableEntity(c.TicketNo, SnapshotRow)
        {
            ["State"] = ComplaintNames.Of(c.State),
            ["Version"] = c.Version,
            ["Category"] = ComplaintNames.Of(c.Category),
            ["Channel"] = ComplaintNames.Of(c.Channel),
            ["ReceivedAt"] = c.ReceivedAt,
            ["LastHash"] = c.LastHash,
            ["Deadlines"] = JsonSerializer.Serialize(deadlines.Select(StoredDeadline.From).ToList(), DeadlineJson),
        };
        Set(e, "Owner", c.Owner);
        Set(e, "CaseNo", c.CaseNo);
        Set(e, "ItemCode", c.ItemCode);
        Set(e, "HotlineTicketId", c.HotlineTicketId);
        return e;
    }

    private static void Set(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private TableEntity ToEntity(string ticketNo, ComplaintEvent e)
    {
        var entity = new StoredEvent(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, e.Data, e.PreviousHash, e.Hash).ToEntity(ticketNo, PersonalFields, protector);
        Set(entity, "Department", e.Department);
        return entity;
    }

    private ComplaintEvent ToEvent(TableEntity row)
    {
        var e = StoredEvent.Read(row, PersonalFields, protector);
        return new(e.Seq, e.Type, e.At, e.Actor, e.ActorName, e.Role, row.GetString("Department"), e.Data, e.PreviousHash, e.Hash);
    }

    /// <summary>A clock as the snapshot records it (JSON).</summary>
    private sealed record StoredDeadline(string Kind, int Round, DateOnly StartedOn, DateOnly Due, bool Provisional, DateOnly? ResolvedOn, bool Extended)
    {
        public static StoredDeadline From(ComplaintDeadline d) => new(d.Code, d.Round, d.StartedOn, d.Due, d.Provisional, d.ResolvedOn, d.Extended);

        public ComplaintDeadline ToDeadline() =>
            new(ComplaintDeadline.Parse(Kind) ?? throw new InvalidOperationException($"unknown recorded clock '{Kind}'"), Round, StartedOn, Due, Provisional, ResolvedOn, Extended);
    }
}
