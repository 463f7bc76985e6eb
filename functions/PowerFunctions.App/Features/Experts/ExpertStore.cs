using System.Text.Json;
using Azure;
using PowerFunctions.App.Hosting;
using PowerFunctions.Domain.Experts;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Experts;

/// <summary>
/// Table <c>experts</c>: the expert register (专家库), one row per expert in partition <c>expert</c>, row key
/// the expert's id; who last changed the record and when ride along. A draw reads the register (a few
/// hundred rows at most in a city's register) and takes its pool from it (<see cref="ExpertRegister.PoolFor"/>).
/// </summary>
public sealed class ExpertStore(IStorageAccount storage) : IStartupTask
{
    public const string TableName = "experts";

    private const string Partition = "expert";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The expert and the row's ETag, or null.</summary>
    public async Task<(Expert Expert, ETag ETag, string? UpdatedBy, DateTimeOffset? UpdatedAt)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(Partition, id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (ToExpert(row), row.ETag, row.GetString("UpdatedBy"), row.GetDateTimeOffset("UpdatedAt"));
    }

    /// <summary>Writes <paramref name="expert"/>: create-only when <paramref name="ifMatch"/> is null, else under that ETag (409/412 when someone came first).</summary>
    public Task<ETag> WriteAsync(Expert expert, ETag? ifMatch, string updatedBy, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, expert.Id)
        {
            ["Name"] = expert.Name,
            ["External"] = expert.External,
            ["Fields"] = JsonSerializer.Serialize(expert.Fields),
            ["Available"] = expert.Available,
            ["UpdatedBy"] = updatedBy,
            ["UpdatedAt"] = updatedAt,
        };
        return ifMatch is { } etag ? _table.UpdateEntityAsync(row, etag, cancellationToken) : _table.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>The whole register, page by page.</summary>
    public async Task<ExpertRegister> RegisterAsync(CancellationToken cancellationToken)
    {
        var experts = new List<Expert>();
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            experts.AddRange(page.Entities.Select(ToExpert));
            token = page.ContinuationToken;
        }
        while (token is not null);

        var register = ExpertRegister.Of(experts);
        return register.IsSuccess ? register.Value : throw new InvalidOperationException($"the stored expert register does not hold together: {register.Error.Detail}");
    }

    private static Expert ToExpert(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name") ?? string.Empty,
        row.GetBoolean("External") ?? false,
        JsonSerializer.Deserialize<string[]>(row.GetString("Fields") ?? "[]") ?? [],
        row.GetBoolean("Available") ?? false);
}
