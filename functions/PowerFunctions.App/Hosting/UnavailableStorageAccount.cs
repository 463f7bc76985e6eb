using PowerFunctions.Storage;

namespace PowerFunctions.App.Hosting;

/// <summary>Storage for commands that must not touch data (<c>emit-functions</c>): any use is a bug and says so.</summary>
internal sealed class UnavailableStorageAccount : IStorageAccount
{
    public string Provider => "Unavailable";

    public ITableClient GetTableClient(string tableName) => throw Refused();

    public IBlobContainerClient GetBlobContainerClient(string containerName) => throw Refused();

    public IQueueClient GetQueueClient(string queueName) => throw Refused();

    private static InvalidOperationException Refused() => new("storage is not available while emitting function metadata");
}
