using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>Creates the alerts table at start.</summary>
public sealed class AlertTables(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) =>
        storage.GetTableClient(AlertStore.TableName).CreateIfNotExistsAsync(cancellationToken);
}
