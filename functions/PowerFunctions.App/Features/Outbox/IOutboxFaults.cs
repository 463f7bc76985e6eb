namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// Fault injection for the publisher: called at every <see cref="OutboxStep"/> for the aggregate being
/// published. Throwing simulates the process dying there (the publisher does not catch it).
/// Production uses <see cref="NoOutboxFaults"/>.
/// </summary>
public interface IOutboxFaults
{
    ValueTask AtAsync(OutboxStep step, string tableName, string partitionKey, CancellationToken cancellationToken);
}
