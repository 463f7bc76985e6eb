using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Supervision.Counters;

/// <summary>A real storage account whose tables are <see cref="ObservedTable"/>s sharing one set of counts, holds and faults.</summary>
internal sealed class ObservedStorage(IStorageAccount inner) : IStorageAccount
{
    public ObservedTable.Observations Observed { get; } = new();

    public string Provider => inner.Provider;

    public ITableClient GetTableClient(string tableName) => new ObservedTable(inner.GetTableClient(tableName), Observed);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => inner.GetBlobContainerClient(containerName);

    public IQueueClient GetQueueClient(string queueName) => inner.GetQueueClient(queueName);
}
