using System.Collections.Concurrent;
using Azure;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Counters;

/// <summary>
/// Group commit for the counters (one per <see cref="CounterStore"/>, so one per process). Callers enqueue their events;
/// one flusher per partition (<c>{department}|{yyyyMM}</c>) takes every event waiting there and writes them in as few
/// entity-group transactions as fit (each: the events' create-only markers plus every counter row they move, each row
/// once, replaced under its ETag; at most <see cref="TableTransaction.MaxActions"/> actions). Events arriving while a
/// transaction is in flight wait for the next one, so a busy department costs one transaction per round trip instead of
/// one per event, and its shards no longer race each other inside the process.
/// <para>
/// No reads on the way: rows are written from <see cref="CounterRowCache"/> (what this process last stored, with the
/// ETag) and read only when not known or after a 412 (another process wrote the row). Markers are not read either: a
/// marker that exists fails its Add with 409, and that event, counted before (by a retry, a duplicate delivery or
/// another process), is answered as done and left out of the batch, which is tried again without it; a 409 that names
/// no action makes the batch look its markers up. A caller's task completes only once the transaction holding its event
/// committed, or fails with the storage error that rolled it back (nothing of that transaction is counted). Cancelling a
/// caller before its event is taken leaves it out; after that the caller stops waiting and the event may be counted
/// (recording it again counts nothing).
/// </para>
/// </summary>
internal sealed class CounterWriter(ITableClient table, int cachedRows = CounterWriter.DefaultCachedRows)
{
    /// <summary>Counter rows remembered: four shards a day for a few hundred department-days.</summary>
    public const int DefaultCachedRows = 1024;

    /// <summary>Rounds of 412 (rows moved by another process) one transaction survives before its callers fail.</summary>
    private const int MaxRetries = 30;

    private readonly ConcurrentDictionary<string, PartitionQueue> _partitions = new(StringComparer.Ordinal);

    private readonly CounterRowCache _rows = new(cachedRows);

    /// <summary>Counts the event <paramref name="eventKey"/> of <paramref name="partition"/> once; completes when stored.</summary>
    public Task WriteAsync(string partition, string eventKey, IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var waiter = new Waiter(eventKey, increments, cancellationToken);
        while (true)
        {
            var queue = _partitions.GetOrAdd(partition, p => new PartitionQueue(p));
            bool start;
            lock (queue.Gate)
            {
                if (queue.Retired)
                {
                    continue; // its flusher just finished and left: take the new one
                }

                queue.Pending.Add(waiter);
                start = !queue.Flushing;
                queue.Flushing = true;
            }

            if (start)
            {
                _ = Task.Run(() => FlushAsync(queue), CancellationToken.None);
            }

            return waiter.Done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The partition's flusher: while events wait, takes them all and writes them; retires when none is left.</summary>
    private async Task FlushAsync(PartitionQueue queue)
    {
        while (true)
        {
            List<Waiter> batch;
            lock (queue.Gate)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Flushing = false;
                    queue.Retired = true;
                    _partitions.TryRemove(new KeyValuePair<string, PartitionQueue>(queue.Partition, queue));
                    return;
                }

                batch = queue.Pending;
                queue.Pending = [];
            }

            try
            {
                await WriteBatchAsync(queue.Partition, batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var waiter in batch)
                {
                    waiter.Done.TrySetException(e); // those answered already keep their answer
                }
            }
        }
    }

    /// <summary>One batch: the same key twice is one event; each transaction's failure goes to its own callers.</summary>
    private async Task WriteBatchAsync(string partition, List<Waiter> batch)
    {
        var events = new List<PendingEvent>();
        foreach (var same in batch.GroupBy(w => w.EventKey, StringComparer.Ordinal))
        {
            var live = same.Where(w => !w.Cancellation.IsCancellationRequested).ToList();
            if (live.Count > 0)
            {
                events.Add(new PendingEvent(same.Key, live[0].Increments, live));
            }
        }

        foreach (var chunk in Chunks(events))
        {
            try
            {
                await CommitAsync(partition, chunk).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var pending in chunk)
                {
                    pending.Fail(e);
                }
            }
        }
    }

    /// <summary>The events cut into transactions: markers plus distinct rows within <see cref="TableTransaction.MaxActions"/>.</summary>
    private static IEnumerable<List<PendingEvent>> Chunks(List<PendingEvent> events)
    {
        var chunk = new List<PendingEvent>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var added = e.Rows.Count(r => !rows.Contains(r));
            if (chunk.Count > 0 && chunk.Count + 1 + rows.Count + added > TableTransaction.MaxActions)
            {
                yield return chunk;
                chunk = [];
                rows.Clear();
            }

            chunk.Add(e);
            rows.UnionWith(e.Rows);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// One transaction for <paramref name="events"/>, tried until it commits: an event whose marker exists is answered and
    /// dropped, a row that moved is read again. Answers every caller of the events; throws only what is not a conflict.
    /// </summary>
    private async Task CommitAsync(string partition, List<PendingEvent> events)
    {
        var remaining = new List<PendingEvent>(events);
        var moved = 0;
        while (remaining.Count > 0)
        {
            var rows = await RowsAsync(partition, remaining).ConfigureAwait(false);
            var actions = new List<TableTransactionAction>(remaining.Count + rows.Count);
            actions.AddRange(remaining.Select(e => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, CounterStore.Marker(e.EventKey)))));
            actions.AddRange(rows.Select(r => r.Action(partition)));
            try
            {
                var etags = await table.SubmitTransactionAsync(actions, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    _rows.Set(partition, rows[i].Row, rows[i].Counts, etags[remaining.Count + i]);
                }

                foreach (var e in remaining)
                {
                    e.Succeed();
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (StorageErrors.IsConflict(ex) && ex.FailedActionIndex < remaining.Count)
            {
                remaining[ex.FailedActionIndex].Succeed(); // its marker exists: counted before
                remaining.RemoveAt(ex.FailedActionIndex);
            }
            catch (TableTransactionFailedException ex) when (IsMoved(ex) && ex.FailedActionIndex >= remaining.Count)
            {
                _rows.Forget(partition, rows[ex.FailedActionIndex - remaining.Count].Row);
                GiveUpAfter(++moved, remaining);
            }
            catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || StorageErrors.IsPreconditionFailed(ex))
            {
                // A conflict naming no action: which markers exist and which rows moved is looked up.
                foreach (var row in rows)
                {
                    _rows.Forget(partition, row.Row);
                }

                if (StorageErrors.IsConflict(ex))
                {
                    foreach (var e in remaining.ToList())
                    {
                        if (await table.GetEntityAsync(partition, CounterStore.Marker(e.EventKey), CancellationToken.None).ConfigureAwait(false) is not null)
                        {
                            e.Succeed();
                            remaining.Remove(e);
                        }
                    }
                }

                GiveUpAfter(++moved, remaining);
            }
            catch
            {
                // The outcome is unknown (a timeout may have committed): the rows are read again next time.
                foreach (var row in rows)
                {
                    _rows.Forget(partition, row.Row);
                }

                throw;
            }
        }
    }

    /// <summary>The new value of every row <paramref name="events"/> move, from the cache or, when not known, read.</summary>
    private async Task<List<RowWrite>> RowsAsync(string partition, List<PendingEvent> events)
    {
        var writes = new List<RowWrite>();
        foreach (var row in events.SelectMany(e => e.Increments.Select(i => (Row: CounterStore.CounterRow(i.Day, e.EventKey), Increment: i))).GroupBy(x => x.Row, StringComparer.Ordinal))
        {
            if (!_rows.TryGet(partition, row.Key, out var counts, out var etag))
            {
                var stored = await table.GetEntityAsync(partition, row.Key, CancellationToken.None).ConfigureAwait(false);
                (counts, etag) = stored is null ? (DepartmentCounters.Zero, default) : (CounterStore.Read(stored), stored.ETag);
            }

            foreach (var (_, increment) in row)
            {
                counts = counts.With(increment.Counter, increment.Delta);
            }

            writes.Add(new RowWrite(row.Key, counts, etag));
        }

        return writes;
    }

    /// <summary>A counter row's action failed because another writer created (409), changed (412) or removed (404) the row.</summary>
    private static bool IsMoved(RequestFailedException e) => StorageErrors.IsConflict(e) || StorageErrors.IsPreconditionFailed(e) || e.Status == 404;

    private static void GiveUpAfter(int moved, List<PendingEvent> remaining)
    {
        if (moved >= MaxRetries)
        {
            throw new InvalidOperationException($"counters of {remaining.Count} events kept changing under other writers; gave up after {moved} tries");
        }
    }

    /// <summary>A caller waiting for its event: answered once, after the commit (continuations never run on the flusher).</summary>
    private sealed class Waiter(string eventKey, IReadOnlyList<CounterIncrement> increments, CancellationToken cancellation)
    {
        public string EventKey { get; } = eventKey;

        public IReadOnlyList<CounterIncrement> Increments { get; } = increments;

        public CancellationToken Cancellation { get; } = cancellation;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One event of a batch and every caller that recorded it meanwhile (the same key twice counts once).</summary>
    private sealed class PendingEvent(string eventKey, IReadOnlyList<CounterIncrement> increments, IReadOnlyList<Waiter> waiters)
    {
        public string EventKey { get; } = eventKey;

        public IReadOnlyList<CounterIncrement> Increments { get; } = increments;

        public IReadOnlyList<string> Rows { get; } = [.. increments.Select(i => CounterStore.CounterRow(i.Day, eventKey)).Distinct(StringComparer.Ordinal)];

        public void Succeed()
        {
            foreach (var w in waiters)
            {
                w.Done.TrySetResult();
            }
        }

        public void Fail(Exception e)
        {
            foreach (var w in waiters)
            {
                w.Done.TrySetException(e);
            }
        }
    }

    private sealed record RowWrite(string Row, DepartmentCounters Counts, ETag ETag)
    {
        public TableTransactionAction Action(string partition)
        {
            var entity = new TableEntity(partition, Row);
            foreach (var (counter, value) in Counts.Values())
            {
                if (value != 0)
                {
                    entity[CounterNames.Of(counter)] = value;
                }
            }

            return ETag == default
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, ETag);
        }
    }

    private sealed class PartitionQueue(string partition)
    {
        public string Partition { get; } = partition;

        public Lock Gate { get; } = new();

        public List<Waiter> Pending { get; set; } = [];

        public bool Flushing { get; set; }

        public bool Retired { get; set; }
    }
}
