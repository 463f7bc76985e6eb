namespace PowerFunctions.Storage.Messaging;

/// <summary>A storage queue created on first use (once per account, again after a failed try).</summary>
internal sealed class EmbeddedQueue(IQueueClient client)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public string Name => client.Name;

    public async Task<IQueueClient> ReadyAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = client.CreateIfNotExistsAsync(CancellationToken.None);
            }

            created = _created;
        }

        await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }
}
