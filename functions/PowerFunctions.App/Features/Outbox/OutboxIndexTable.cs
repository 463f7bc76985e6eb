using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>The outbox index table, created on first use (once per process, again after a failed try), so the feature needs no start-up step.</summary>
public sealed class OutboxIndexTable(IStorageAccount storage)
{
    private readonly ITableClient _table = storage.GetTableClient(OutboxIndex.TableName);
    private readonly Lock _gate = new();
    private Task? _created;

    public async Task<ITableClient> ReadyAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = _table.CreateIfNotExistsAsync(CancellationToken.None);
            }

            created = _created;
        }

        await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _table;
    }
}
