using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.SpotChecks;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.SpotChecks;

/// <summary>Table <c>supervisionspotchecks</c>: one row per draw (partition <c>s</c>, row the id), created once, results written under its ETag.</summary>
public sealed class SpotCheckStore(IStorageAccount storage)
{
    public const string TableName = "supervisionspotchecks";

    private const string Partition = "s";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    /// <summary>Creates the draw; false when the id exists (the draw made first stands).</summary>
    public async Task<bool> TryAddAsync(SpotCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            await _table.AddEntityAsync(ToEntity(check), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return false;
        }
    }

    public async Task<(SpotCheck Check, ETag ETag)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(Partition, id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (Read(row), row.ETag);
    }

    public Task ReplaceAsync(SpotCheck check, ETag etag, CancellationToken cancellationToken) =>
        _table.UpdateEntityAsync(ToEntity(check), etag, cancellationToken);

    private static TableEntity ToEntity(SpotCheck check) => new(Partition, check.Id) { ["Check"] = JsonSerializer.Serialize(check, JsonDefaults.Options) };

    private static SpotCheck Read(TableEntity row) =>
        JsonSerializer.Deserialize<SpotCheck>(row.GetString("Check") ?? "null", JsonDefaults.Options)
        ?? throw new InvalidOperationException($"spot check row {row.RowKey} is empty");
}
