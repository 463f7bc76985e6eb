using PowerFunctions.App.Features.Outbox;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>Runs <paramref name="action"/> the first time a publish reaches <paramref name="step"/>: another process acting at that very moment.</summary>
internal sealed class ActAtOutboxStep(OutboxStep step, Func<Task> action) : IOutboxFaults
{
    private bool _done;

    public async ValueTask AtAsync(OutboxStep at, string tableName, string partitionKey, CancellationToken cancellationToken)
    {
        if (at == step && !_done)
        {
            _done = true;
            await action();
        }
    }
}
