using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Guidance;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>
/// The guidance register in table <c>guidance</c>: one row per entry in its department's partition
/// (<c>d-{department}</c>, row = id), the entry as JSON, replaced under its ETag when a follow-up is
/// recorded; and one row per entry not yet followed up in partition <c>open</c> (what a calendar change visits).
/// </summary>
public sealed class GuidanceStore(IStorageAccount storage)
{
    private const string OpenPartition = "open";

    private readonly ITableClient _table = storage.GetTableClient(GuidanceTable.Name);

    /// <summary>The department of an entry id (<c>{department}-ZD-{yyyyMMdd}-{NNNN}</c>), or null for anything else.</summary>
    public static string? DepartmentOf(string id)
    {
        var at = id.IndexOf("-ZD-", StringComparison.Ordinal);
        return at > 0 && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id[..at] : null;
    }

    public async Task<StoredGuidance?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (DepartmentOf(id) is not { } department)
        {
            return null;
        }

        var row = await _table.GetEntityAsync(Partition(department), id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task AddAsync(GuidanceEntry entry, DateOnly due, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(new TableEntity(OpenPartition, entry.Id) { ["Department"] = entry.DepartmentCode }, cancellationToken).ConfigureAwait(false);
        await _table.AddEntityAsync(ToEntity(entry, due), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the entry under <paramref name="stored"/>'s ETag (412 when another write came first).</summary>
    public Task ReplaceAsync(StoredGuidance stored, GuidanceEntry entry, DateOnly due, CancellationToken cancellationToken) =>
        _table.UpdateEntityAsync(ToEntity(entry, due), stored.ETag, cancellationToken);

    public Task CloseAsync(string id, CancellationToken cancellationToken) => _table.DeleteEntityAsync(OpenPartition, id, ETag.All, cancellationToken);

    public async Task<IReadOnlyList<string>> OpenAsync(CancellationToken cancellationToken) =>
        (await AllAsync(TableQuery.Partition(OpenPartition), cancellationToken).ConfigureAwait(false)).Select(r => r.RowKey).ToArray();

    /// <summary>The register of one department, or of all, oldest first.</summary>
    public async Task<IReadOnlyList<GuidanceEntry>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        var query = department is null
            ? new TableQuery { PartitionKeyFrom = "d-", PartitionKeyTo = "d." }
            : TableQuery.Partition(Partition(department));
        return (await AllAsync(query, cancellationToken).ConfigureAwait(false)).Select(r => ToStored(r).Entry).OrderBy(e => e.GivenOn).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    private async Task<List<TableEntity>> AllAsync(TableQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(query with { ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Entities);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return rows;
    }

    private static string Partition(string department) => "d-" + department;

    private static TableEntity ToEntity(GuidanceEntry entry, DateOnly due) => new(Partition(entry.DepartmentCode), entry.Id)
    {
        ["Data"] = JsonSerializer.Serialize(entry, JsonDefaults.Options),
        ["Due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static StoredGuidance ToStored(TableEntity row) => new(
        JsonSerializer.Deserialize<GuidanceEntry>(row.GetString("Data") ?? "null", JsonDefaults.Options) ?? throw new InvalidOperationException($"guidance row {row.RowKey} holds no entry"),
        row.ETag,
        DateOnly.ParseExact(row.GetString("Due") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
