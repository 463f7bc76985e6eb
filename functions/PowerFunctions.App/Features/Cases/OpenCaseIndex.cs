using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Table <c>opencases</c>: one row per case that is not final, so a calendar change visits the open
/// cases, not every case ever. Written before a case is created (a row whose case never committed is
/// skipped and dropped), removed after a case reaches a final state (a stale row is dropped when seen).
/// </summary>
public sealed class OpenCaseIndex(IStorageAccount storage)
{
    private const string Partition = "open";

    private readonly ITableClient _table = storage.GetTableClient(CaseTables.OpenCases);

    public async Task AddAsync(string caseNo, string departmentCode, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, caseNo) { ["DepartmentCode"] = departmentCode };
        await _table.UpsertEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveAsync(string caseNo, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(Partition, caseNo, ETag.All, cancellationToken);

    /// <summary>Every open case number, page by page.</summary>
    public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                yield return row.RowKey;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
