using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Support;

/// <summary>
/// A storage account whose writes to one table fail with 503 while <see cref="Down"/> is set (a crash or an
/// outage between a commit and its after-effects, seen from the writer); reads and every other table are the inner account's.
/// </summary>
internal sealed class FailingTableWrites(IStorageAccount inner, string tableName) : IStorageAccount
{
    public bool Down { get; set; }

    public int Refused { get; private set; }

    public string Provider => inner.Provider;

    public ITableClient GetTableClient(string name) =>
        string.Equals(name, tableName, StringComparison.Ordinal) ? new Table(this, inner.GetTableClient(name)) : inner.GetTableClient(name);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => inner.GetBlobContainerClient(containerName);

    public IQueueClient GetQueueClient(string queueName) => inner.GetQueueClient(queueName);

    private Task<T> Write<T>(Func<Task<T>> write)
    {
        if (!Down)
        {
            return write();
        }

        Refused++;
        return Task.FromException<T>(new RequestFailedException(503, "the table is unreachable (test)", "ServerBusy", null));
    }

    private sealed class Table(FailingTableWrites owner, ITableClient inner) : ITableClient
    {
        public string Name => inner.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetEntityAsync(partitionKey, rowKey, cancellationToken);

        public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => owner.Write(() => inner.AddEntityAsync(entity, cancellationToken));

        public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => owner.Write(() => inner.UpdateEntityAsync(entity, ifMatch, cancellationToken));

        public Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => owner.Write(() => inner.UpsertEntityAsync(entity, cancellationToken));

        public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
            owner.Write(async () =>
            {
                await inner.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken).ConfigureAwait(false);
                return true;
            });

        public Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
            owner.Write(() => inner.SubmitTransactionAsync(actions, cancellationToken));
    }
}
