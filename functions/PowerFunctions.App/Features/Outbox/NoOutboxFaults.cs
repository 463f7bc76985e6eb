namespace PowerFunctions.App.Features.Outbox;

/// <summary>No fault injection: every step proceeds.</summary>
public sealed class NoOutboxFaults : IOutboxFaults
{
    public ValueTask AtAsync(OutboxStep step, string tableName, string partitionKey, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
