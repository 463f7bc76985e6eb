using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Rectifications;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>
/// Table <c>rectifications</c>. Partition <c>{department}</c> (the department ordered to rectify): per notice a snapshot
/// row <c>s|{id}</c> (its <see cref="RectificationView"/>, what lists read) and its append-only events
/// <c>e|{id}|{seq:D6}</c> (the hash chain the notice is folded from); a command writes its event and the new snapshot in
/// ONE transaction under the snapshot's ETag. Partition <c>source</c>: a create-only row per source of a notice (an alert
/// escalated, a spot-check finding) naming the notice, so a retried or concurrent escalation makes one notice.
/// </summary>
public sealed class RectificationStore(IStorageAccount storage)
{
    public const string TableName = "rectifications";

    private const string SourcePartition = "source";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    /// <summary>The department a notice id names (<c>ZG-{department}-{yyyyMMdd}-{nnn}</c>), or null for anything else.</summary>
    public static string? DepartmentOf(string id)
    {
        var parts = id.Split('-');
        if (id.Length > 96 || parts.Length < 4 || parts[0] != "ZG" || parts[^2].Length != 8 || !parts[^2].All(char.IsAsciiDigit)
            || parts[^1].Length < 3 || !parts[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        var department = string.Join('-', parts[1..^2]);
        return department.Length is > 0 and <= 64 && department.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? department : null;
    }

    /// <summary>The notice and its snapshot's ETag, or null.</summary>
    public async Task<(Rectification Rectification, ETag ETag)?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (DepartmentOf(id) is not { } department)
        {
            return null;
        }

        var snapshot = await _table.GetEntityAsync(department, SnapshotRow(id), cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        var version = snapshot.GetInt64("Version") ?? 0;
        var events = new List<RectificationEvent>();
        var query = TableQuery.RowPrefix(department, $"e|{id}|");
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            events.AddRange(page.Entities.Select(ToEvent));
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        return (Rectification.FromEvents(id, events.Where(e => e.Seq <= version).OrderBy(e => e.Seq)), snapshot.ETag);
    }

    /// <summary>Creates a notice (snapshot and first event, create-only): 409 when it exists.</summary>
    public Task CreateAsync(Rectification created, RectificationView view, CancellationToken cancellationToken) =>
        _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Snapshot(created, view)),
                .. created.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(created, e))),
            ],
            cancellationToken);

    /// <summary>Appends the events <paramref name="next"/> adds and replaces the snapshot under <paramref name="etag"/> (412 when another writer came first).</summary>
    public Task CommitAsync(long previousVersion, ETag etag, Rectification next, RectificationView view, CancellationToken cancellationToken) =>
        _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Snapshot(next, view), etag),
                .. next.Events.Skip((int)previousVersion).Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(next, e))),
            ],
            cancellationToken);

    /// <summary>The snapshots of <paramref name="department"/>'s notices, by id.</summary>
    public async Task<IReadOnlyList<RectificationView>> ListAsync(string department, CancellationToken cancellationToken)
    {
        var views = new List<RectificationView>();
        var query = TableQuery.RowPrefix(department, "s|");
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            views.AddRange(page.Entities.Select(e => JsonSerializer.Deserialize<RectificationView>(e.GetString("View") ?? "null", JsonDefaults.Options)!).Where(v => v is not null));
            if (page.ContinuationToken is null)
            {
                return views;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>The notice made from <paramref name="sourceKey"/>, or null.</summary>
    public async Task<string?> SourceAsync(string sourceKey, CancellationToken cancellationToken) =>
        (await _table.GetEntityAsync(SourcePartition, sourceKey, cancellationToken).ConfigureAwait(false))?.GetString("Id");

    /// <summary>Reserves <paramref name="id"/> for <paramref name="sourceKey"/>; answers the id that stands (another writer's, when it came first).</summary>
    public async Task<string> ReserveSourceAsync(string sourceKey, string id, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(SourcePartition, sourceKey) { ["Id"] = id }, cancellationToken).ConfigureAwait(false);
            return id;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return await SourceAsync(sourceKey, cancellationToken).ConfigureAwait(false) ?? id;
        }
    }

    private static string SnapshotRow(string id) => "s|" + id;

    private static TableEntity Snapshot(Rectification r, RectificationView view) => new(r.Department, SnapshotRow(r.Id))
    {
        ["View"] = JsonSerializer.Serialize(view with { Events = null }, JsonDefaults.Options),
        ["Version"] = r.Version,
        ["State"] = view.Status,
        ["Due"] = view.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static TableEntity ToEntity(Rectification r, RectificationEvent e)
    {
        var entity = new TableEntity(r.Department, string.Create(CultureInfo.InvariantCulture, $"e|{r.Id}|{e.Seq:D6}"))
        {
            ["Seq"] = e.Seq,
            ["Type"] = e.Type,
            ["At"] = e.At,
            ["Actor"] = e.Actor,
            ["ActorName"] = e.ActorName,
            ["ActorKind"] = e.ActorKind,
            ["Data"] = e.Data,
            ["PreviousHash"] = e.PreviousHash,
            ["Hash"] = e.Hash,
        };
        if (e.Department is { } department)
        {
            entity["Department"] = department;
        }

        return entity;
    }

    private static RectificationEvent ToEvent(TableEntity e) => new(
        e.GetInt64("Seq") ?? 0,
        e.GetString("Type") ?? string.Empty,
        e.GetString("At") ?? string.Empty,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("ActorName") ?? string.Empty,
        e.GetString("ActorKind") ?? string.Empty,
        e.GetString("Department"),
        e.GetString("Data") ?? string.Empty,
        e.GetString("PreviousHash") ?? string.Empty,
        e.GetString("Hash") ?? string.Empty);
}
