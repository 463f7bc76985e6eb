using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>Creates the <c>complaints</c> table and the hotline's ticket queue with its dead-letter queue at start.</summary>
public sealed class ComplaintTablesStartup(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await storage.GetTableClient(HotlineTickets.TableName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await storage.GetQueueClient(StorageQueueHotlineInbox.QueueName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await storage.GetQueueClient(StorageQueueHotlineInbox.DeadLetterQueueName).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
