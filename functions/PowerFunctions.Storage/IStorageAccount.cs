namespace PowerFunctions.Storage;

/// <summary>
/// One storage account: named tables, blob containers and queues. The embedded adapter keeps them
/// in one SQLite file; the Azure adapter maps them onto the official Azure SDK clients. Names follow Azure's
/// rules (tables: letters and digits, 3–63, starting with a letter; containers and queues: lower-case
/// letters, digits and single dashes, 3–63) so that what runs embedded runs on Azure.
/// </summary>
public interface IStorageAccount
{
    /// <summary>"Embedded" or "AzureStorage", as reported by the health endpoint.</summary>
    string Provider { get; }

    ITableClient GetTableClient(string tableName);

    IBlobContainerClient GetBlobContainerClient(string containerName);

    IQueueClient GetQueueClient(string queueName);
}
