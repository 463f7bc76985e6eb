using PowerFunctions.App.Features.Supervision.Accountability;
using PowerFunctions.App.Features.Supervision.Alerts;
using PowerFunctions.App.Features.Supervision.CaseFiles;
using PowerFunctions.App.Features.Supervision.Counters;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.App.Features.Supervision.Reports;
using PowerFunctions.App.Features.Supervision.SpotChecks;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>Creates the supervision centre's tables and the archive container at start.</summary>
public sealed class SupervisionTables(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[]
        {
            SupervisionRegistry.TableName, AlertStore.TableName, CounterStore.TableName, RectificationStore.TableName, ReportStore.TableName,
            AccountabilityStore.TableName, ClosedCaseIndex.TableName, SpotCheckStore.TableName,
        })
        {
            await storage.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await storage.GetBlobContainerClient(CaseFileArchiveService.ContainerName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
