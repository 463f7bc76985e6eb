using Azure;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// Publishes outbox rows, at least once, with <c>MessageId</c> = event id. For each aggregate
/// partition named by the index (<see cref="OutboxIndex"/>):
/// <list type="number">
/// <item>reads the partition's outbox rows (one row-prefix query);</item>
/// <item>sends every pending one, in event-id order, through the messaging port;</item>
/// <item>marks them sent (ETag-checked, in entity-group transactions of the partition);</item>
/// <item>deletes each index row whose outbox row is sent, and each whose outbox row is still absent
/// after <see cref="OutboxOptions.GracePeriod"/> (its commit never happened).</item>
/// </list>
/// A failed send leaves everything as it was and records the error on the index rows, which wait
/// <see cref="OutboxOptions.RetryDelay"/> (doubling) before the next try: rows are retried until sent,
/// never dropped. A crash after sending and before marking sends the same messages again, with the
/// same MessageIds (Service Bus's duplicate detection drops them; consumers are idempotent anyway).
/// Two publishers running at once may both send an event; nothing is ever lost.
/// </summary>
public sealed class OutboxPublisher(
    OutboxIndexTable index,
    IStorageAccount storage,
    IMessagingAccount messaging,
    TimeProvider clock,
    OutboxOptions options,
    IOutboxFaults faults,
    ILogger<OutboxPublisher> logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Publishes every pending event the index names (at most <see cref="OutboxOptions.MaxIndexRowsPerRun"/> index rows, skipping those waiting after a failure). Answers how many messages were sent. For the timer function.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var table = await index.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var rows = await ReadIndexAsync(table, new TableQuery(), cancellationToken).ConfigureAwait(false);
        var aggregates = rows
            .Where(r => !(r.GetDateTimeOffset("NextAttemptAt") > now))
            .GroupBy(r => (OutboxIndex.Target(r).Table, OutboxIndex.Target(r).Partition))
            .ToList();
        var sent = 0;
        await Parallel.ForEachAsync(
            aggregates,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (aggregate, ct) =>
            {
                var count = await PublishAggregateAsync(table, aggregate.Key.Table, aggregate.Key.Partition, [.. aggregate], now, ct).ConfigureAwait(false);
                Interlocked.Add(ref sent, count);
            }).ConfigureAwait(false);
        if (sent > 0)
        {
            logger.LogInformation("Outbox: {Sent} messages sent for {Aggregates} aggregates", sent, aggregates.Count);
        }

        return sent;
    }

    /// <summary>Publishes the pending events of one aggregate now, whatever its retry wait. Answers how many messages were sent. For the command that just committed.</summary>
    public async Task<int> PublishAsync(string tableName, string partitionKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        var table = await index.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ReadIndexAsync(table, OutboxIndex.Of(tableName, partitionKey), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : await PublishAggregateAsync(table, tableName, partitionKey, rows, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> PublishAggregateAsync(ITableClient indexTable, string tableName, string partitionKey, IReadOnlyList<TableEntity> indexRows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var aggregate = storage.GetTableClient(tableName);
        var outbox = await ReadOutboxAsync(aggregate, partitionKey, cancellationToken).ConfigureAwait(false);
        var sent = outbox.Where(OutboxRows.IsSent).Select(OutboxRows.EventId).ToHashSet(StringComparer.Ordinal);
        var pending = outbox.Where(r => !OutboxRows.IsSent(r)).ToList();
        if (pending.Count > 0)
        {
            await faults.AtAsync(OutboxStep.BeforeSend, tableName, partitionKey, cancellationToken).ConfigureAwait(false);
            try
            {
                await SendAsync(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox: sending {Count} events of {Table}/{Partition} failed; retried later", pending.Count, tableName, partitionKey);
                await RecordFailureAsync(indexTable, indexRows, e, now, cancellationToken).ConfigureAwait(false);
                return 0;
            }

            await faults.AtAsync(OutboxStep.BeforeMark, tableName, partitionKey, cancellationToken).ConfigureAwait(false);
            sent.UnionWith(await MarkSentAsync(aggregate, pending, now, cancellationToken).ConfigureAwait(false));
            await faults.AtAsync(OutboxStep.BeforeIndexDelete, tableName, partitionKey, cancellationToken).ConfigureAwait(false);
        }

        var present = outbox.Select(OutboxRows.EventId).ToHashSet(StringComparer.Ordinal);
        foreach (var row in indexRows)
        {
            var eventId = OutboxIndex.Target(row).EventId;
            if (sent.Contains(eventId))
            {
                await DeleteIndexRowAsync(indexTable, row, cancellationToken).ConfigureAwait(false);
            }
            else if (!present.Contains(eventId) && now - (row.GetDateTimeOffset("WrittenAt") ?? now) >= options.GracePeriod)
            {
                logger.LogWarning("Outbox: event {EventId} of {Table}/{Partition} was never committed; its index row is dropped", eventId, tableName, partitionKey);
                await DeleteIndexRowAsync(indexTable, row, cancellationToken).ConfigureAwait(false);
            }
        }

        return pending.Count;
    }

    /// <summary>Sends the pending rows in order, one port batch per run of rows with the same destination.</summary>
    private async Task SendAsync(List<TableEntity> pending, CancellationToken cancellationToken)
    {
        for (var start = 0; start < pending.Count;)
        {
            var destination = OutboxRows.Destination(pending[start]);
            var end = start;
            while (end < pending.Count && OutboxRows.Destination(pending[end]) == destination)
            {
                end++;
            }

            var batch = pending[start..end].Select(OutboxRows.ToBusMessage).ToList();
            await messaging.GetSender(destination).SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
            start = end;
        }
    }

    /// <summary>Marks the rows sent, under their ETags; answers the event ids marked (a chunk someone else changed meanwhile stays pending and is sent again).</summary>
    private async Task<IReadOnlyList<string>> MarkSentAsync(ITableClient aggregate, List<TableEntity> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = new List<string>(rows.Count);
        foreach (var chunk in rows.Chunk(TableTransaction.MaxActions))
        {
            foreach (var row in chunk)
            {
                row["SentAt"] = now;
            }

            try
            {
                await aggregate.SubmitTransactionAsync([.. chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, r, r.ETag))], cancellationToken).ConfigureAwait(false);
                marked.AddRange(chunk.Select(OutboxRows.EventId));
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                logger.LogInformation("Outbox: rows of {Table}/{Partition} changed while being published; the next run looks again", aggregate.Name, chunk[0].PartitionKey);
            }
        }

        return marked;
    }

    private async Task RecordFailureAsync(ITableClient indexTable, IReadOnlyList<TableEntity> rows, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = $"{error.GetType().Name}: {error.Message}";
        foreach (var row in rows)
        {
            var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
            var wait = options.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
            row["Attempts"] = attempts;
            row["NextAttemptAt"] = now + (wait < options.MaxRetryDelay ? wait : options.MaxRetryDelay);
            row["LastError"] = message.Length > MaxErrorLength ? message[..MaxErrorLength] : message;
            try
            {
                await indexTable.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Published or re-prepared meanwhile: nothing to record.
            }
        }
    }

    private static async Task DeleteIndexRowAsync(ITableClient indexTable, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await indexTable.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Re-prepared meanwhile (a retried command): the next run checks it again.
        }
    }

    private async Task<List<TableEntity>> ReadIndexAsync(ITableClient table, TableQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        query = query with { PageSize = Math.Min(1000, options.MaxIndexRowsPerRun) };
        while (rows.Count < options.MaxIndexRowsPerRun)
        {
            var page = await table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Entities.Take(options.MaxIndexRowsPerRun - rows.Count));
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        return rows;
    }

    /// <summary>The partition's outbox rows in event-id order; none when the aggregate's table does not exist (its commit never happened).</summary>
    private static async Task<List<TableEntity>> ReadOutboxAsync(ITableClient aggregate, string partitionKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var query = TableQuery.RowPrefix(partitionKey, OutboxRows.RowPrefix);
        while (true)
        {
            TablePage page;
            try
            {
                page = await aggregate.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return rows;
            }

            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                return rows;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }
}
