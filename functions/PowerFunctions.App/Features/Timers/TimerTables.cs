using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>Creates the due-time index and the dead-timer table at start.</summary>
public sealed class TimerTables(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await storage.GetTableClient(TimerIndex.TableName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await storage.GetTableClient(TimerIndex.DeadTableName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
