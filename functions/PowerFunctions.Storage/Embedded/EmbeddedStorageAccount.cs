namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// The embedded adapter: every table, container and queue in one SQLite file under the data folder.
/// (Being built: the SQLite implementation lands with the embedded-storage work.)
/// </summary>
public sealed class EmbeddedStorageAccount : IStorageAccount
{
    public EmbeddedStorageAccount(string dataPath)
    {
        DataPath = Path.GetFullPath(dataPath);
    }

    public string DataPath { get; }

    public string Provider => "Embedded";

    public ITableClient GetTableClient(string tableName) => throw new NotSupportedException("embedded tables are being built");

    public IBlobContainerClient GetBlobContainerClient(string containerName) => throw new NotSupportedException("embedded blobs are being built");

    public IQueueClient GetQueueClient(string queueName) => throw new NotSupportedException("embedded queues are being built");
}
