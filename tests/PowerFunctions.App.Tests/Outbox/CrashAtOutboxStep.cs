using PowerFunctions.App.Features.Outbox;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>Simulates the process dying the first time a publish reaches <paramref name="step"/>; records the steps seen.</summary>
internal sealed class CrashAtOutboxStep(OutboxStep? step) : IOutboxFaults
{
    public List<(OutboxStep Step, string Partition)> Seen { get; } = [];

    public ValueTask AtAsync(OutboxStep at, string tableName, string partitionKey, CancellationToken cancellationToken)
    {
        Seen.Add((at, partitionKey));
        return at == step ? throw new OutboxCrashException(at, partitionKey) : ValueTask.CompletedTask;
    }
}
