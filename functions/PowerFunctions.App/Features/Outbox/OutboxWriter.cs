using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// The write side of the transactional outbox. An aggregate's command calls
/// <see cref="PrepareAsync"/> BEFORE its commit: it writes the index rows and answers the outbox rows
/// to add to the commit's entity-group transaction:
/// <code>
/// var outbox = await outboxWriter.PrepareAsync("complaints", ticketNo, events, ct);
/// await table.SubmitTransactionAsync([snapshot, .. eventRows, .. outbox], ct);   // one partition, ≤100 actions
/// await outboxPublisher.PublishAsync("complaints", ticketNo, ct);                // best effort: the timer run catches up
/// </code>
/// A crash between the two leaves index rows whose outbox rows never appear: the publisher drops them
/// after the grace period. The outbox rows are create-only: an event id already in the partition
/// fails the commit (409), as a repeated event should.
/// </summary>
public sealed class OutboxWriter(OutboxIndexTable index, TimeProvider clock)
{
    /// <summary>Writes the index rows of <paramref name="messages"/>; answers the Add actions of their outbox rows in the aggregate's partition (none for no messages).</summary>
    /// <exception cref="ArgumentException">A name, key or message the outbox cannot hold (nothing is written).</exception>
    public async Task<IReadOnlyList<TableTransactionAction>> PrepareAsync(string tableName, string partitionKey, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        Validate(tableName, partitionKey, messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var table = await index.ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in messages.Chunk(TableTransaction.MaxActions))
        {
            // Upsert: preparing the same event again (a retried command) refreshes its grace period.
            await table.SubmitTransactionAsync(
                [.. chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxIndex.ToEntity(tableName, partitionKey, m.EventId, now)))],
                cancellationToken).ConfigureAwait(false);
        }

        return [.. messages.Select(m => new TableTransactionAction(TableTransactionActionType.Add, OutboxRows.ToEntity(partitionKey, m, now)))];
    }

    private static void Validate(string tableName, string partitionKey, IReadOnlyList<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        try
        {
            StorageNames.ValidateTableName(tableName);
            StorageNames.ValidateKey(partitionKey, "the aggregate's partition key");
        }
        catch (RequestFailedException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            OutboxRows.Validate(message);
            if (!ids.Add(message.EventId))
            {
                throw new ArgumentException($"event '{message.EventId}' appears twice", nameof(messages));
            }

            if (OutboxIndex.RowKey(partitionKey, message.EventId).Length > StorageNames.MaxKeyLength)
            {
                throw new ArgumentException("the partition key and event id together are too long for an index row key", nameof(messages));
            }
        }
    }
}
