using System.Security.Cryptography;
using System.Text;
using Azure;

namespace PowerFunctions.Storage.Tests.Contract;

/// <summary>
/// The storage contract, written once against the ports and run on every adapter (embedded SQLite
/// here, Azure Storage/Azurite in the Azure adapter's tests). Every test makes its own uniquely named
/// table, container or queue, so one account serves the whole class. Nothing here knows which
/// adapter runs.
/// </summary>
public abstract partial class StorageContractTests
{
    protected abstract IStorageAccount Account { get; }

    protected static string NewTableName() => "t" + Guid.NewGuid().ToString("N")[..16];

    protected static string NewContainerOrQueueName() => "c" + Guid.NewGuid().ToString("N")[..16];

    protected async Task<ITableClient> NewTableAsync()
    {
        var table = Account.GetTableClient(NewTableName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    protected async Task<IBlobContainerClient> NewContainerAsync()
    {
        var container = Account.GetBlobContainerClient(NewContainerOrQueueName());
        await container.CreateIfNotExistsAsync();
        return container;
    }

    protected async Task<IQueueClient> NewQueueAsync()
    {
        var queue = Account.GetQueueClient(NewContainerOrQueueName());
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    protected static TableEntity Row(string partitionKey, string rowKey, long value = 0) =>
        new(partitionKey, rowKey) { ["Value"] = value };

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    protected static async Task<RequestFailedException> FailsWith(int status, Func<Task> action)
    {
        var e = await Assert.ThrowsAnyAsync<RequestFailedException>(action);
        Assert.Equal(status, e.Status);
        return e;
    }
}
