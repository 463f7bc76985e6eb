using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Supervision.Counters;

/// <summary>
/// A real table that counts point reads and transactions, can hold the next transaction until released (so callers pile
/// up behind it as they do under load) and can fail the next one with a given error before it reaches the store.
/// </summary>
internal sealed class ObservedTable(ITableClient inner, ObservedTable.Observations observed) : ITableClient
{
    public string Name => inner.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref observed.Reads);
        return inner.GetEntityAsync(partitionKey, rowKey, cancellationToken);
    }

    public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => inner.AddEntityAsync(entity, cancellationToken);

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.UpdateEntityAsync(entity, ifMatch, cancellationToken);

    public Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => inner.UpsertEntityAsync(entity, cancellationToken);

    public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) => inner.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);

    public Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var fail = Interlocked.Exchange(ref observed.FailNext, null);
        var hold = Interlocked.Exchange(ref observed.HoldNext, null);
        if (hold is not null)
        {
            observed.Held.TrySetResult();
            await hold.Task.ConfigureAwait(false);
        }

        if (fail is not null)
        {
            Interlocked.Increment(ref observed.Failed);
            throw fail;
        }

        Interlocked.Increment(ref observed.Transactions);
        return await inner.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What every table of one <see cref="ObservedStorage"/> saw, and what it will do to the next transaction.</summary>
    internal sealed class Observations
    {
        public int Reads;
        public int Transactions;
        public int Failed;
        public Exception? FailNext;
        public TaskCompletionSource? HoldNext;

        /// <summary>Completes when a held transaction is waiting.</summary>
        public TaskCompletionSource Held { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Holds the next transaction; returns what releases it.</summary>
        public TaskCompletionSource Hold()
        {
            Held = new(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            HoldNext = release;
            return release;
        }
    }
}
