using System.Text.Json;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Accountability;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Accountability;

/// <summary>
/// Table <c>supervisionaccountability</c>: 责任追究 records, partition <c>d|{department}</c> (the department of the record),
/// row the record id, written create-only and never changed or deleted (a correction is a new record); partition
/// <c>loc</c> finds a record's department by id.
/// </summary>
public sealed class AccountabilityStore(IStorageAccount storage)
{
    public const string TableName = "supervisionaccountability";

    private const string LocatorPartition = "loc";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    /// <summary>Adds a record (create-only: an id is never written twice).</summary>
    public async Task AddAsync(AccountabilityRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _table.AddEntityAsync(new TableEntity(LocatorPartition, record.Id) { ["Department"] = record.Department }, cancellationToken).ConfigureAwait(false);
        await _table.AddEntityAsync(new TableEntity(Partition(record.Department), record.Id)
        {
            ["Record"] = JsonSerializer.Serialize(record, JsonDefaults.Options),
            ["Year"] = record.Year,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AccountabilityRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var locator = await _table.GetEntityAsync(LocatorPartition, id, cancellationToken).ConfigureAwait(false);
        if (locator?.GetString("Department") is not { } department)
        {
            return null;
        }

        var row = await _table.GetEntityAsync(Partition(department), id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>Every record of <paramref name="department"/>.</summary>
    public async Task<IReadOnlyList<AccountabilityRecord>> ListAsync(string department, CancellationToken cancellationToken)
    {
        var records = new List<AccountabilityRecord>();
        var query = TableQuery.Partition(Partition(department));
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Entities.Select(Read));
            if (page.ContinuationToken is null)
            {
                return records;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    private static string Partition(string department) => "d|" + department;

    private static AccountabilityRecord Read(TableEntity row) =>
        JsonSerializer.Deserialize<AccountabilityRecord>(row.GetString("Record") ?? "null", JsonDefaults.Options)
        ?? throw new InvalidOperationException($"accountability row {row.PartitionKey}/{row.RowKey} is empty");
}
