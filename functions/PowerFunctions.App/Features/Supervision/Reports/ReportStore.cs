using System.Text.Json;
using Azure;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>
/// Table <c>supervisionreports</c>: the report of each closed period, stored once (partition <c>final</c>, row the period
/// code, create-only), so a closed period always answers the same numbers, however the counters move later.
/// </summary>
public sealed class ReportStore(IStorageAccount storage)
{
    public const string TableName = "supervisionreports";

    private const string FinalPartition = "final";

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task<PeriodReport?> GetAsync(string period, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityAsync(FinalPartition, period, cancellationToken).ConfigureAwait(false);
        return row?.GetString("Report") is { } json ? JsonSerializer.Deserialize<PeriodReport>(json, JsonDefaults.Options) : null;
    }

    /// <summary>Stores a final report; the one stored first stands (and is answered).</summary>
    public async Task<PeriodReport> AddAsync(PeriodReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            await _table.AddEntityAsync(new TableEntity(FinalPartition, report.Period) { ["Report"] = JsonSerializer.Serialize(report, JsonDefaults.Options) }, cancellationToken).ConfigureAwait(false);
            return report;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return await GetAsync(report.Period, cancellationToken).ConfigureAwait(false) ?? report;
        }
    }
}
