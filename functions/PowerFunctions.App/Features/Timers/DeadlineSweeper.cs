using System.Collections.Concurrent;
using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Fires due timers from the index (see <see cref="TimerIndex"/>), at least once:
/// <list type="number">
/// <item>reads the bookmark and every row due by now from the bookmark's bucket to the current one (one
/// partition-range query, so the cost follows the due rows, not all scheduled ones), at most
/// <see cref="TimerOptions.MaxTimersPerSweep"/>;</item>
/// <item>claims each row with an ETag-checked write of a lease (another sweeper's claim wins; a dead
/// claimer's lease runs out and the row is claimed again);</item>
/// <item>calls the <see cref="ITimerHandler"/> of its kind (idempotent, generation-checked);</item>
/// <item>deletes the row under the claim's ETag.</item>
/// </list>
/// A handler that throws leaves the row with its error, to be retried after a delay; a row claimed
/// <see cref="TimerOptions.MaxAttempts"/> times, or of a kind no handler fires, moves to the dead table.
/// Finally the bookmark moves to the earliest bucket still holding rows. A crash anywhere loses no timer:
/// at worst a handler runs twice, which its idempotency makes harmless.
/// </summary>
public sealed class DeadlineSweeper : IDeadlineSweeper
{
    private const int MaxErrorLength = 2000;

    private readonly ITableClient _table;
    private readonly ITableClient _dead;
    private readonly TimeProvider _clock;
    private readonly TimerOptions _options;
    private readonly ISweepFaults _faults;
    private readonly ILogger<DeadlineSweeper> _logger;
    private readonly Dictionary<string, ITimerHandler> _handlers;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public DeadlineSweeper(
        IStorageAccount storage,
        TimeProvider clock,
        IEnumerable<ITimerHandler> handlers,
        TimerOptions options,
        ISweepFaults faults,
        ILogger<DeadlineSweeper> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(handlers);
        _table = storage.GetTableClient(TimerIndex.TableName);
        _dead = storage.GetTableClient(TimerIndex.DeadTableName);
        _clock = clock;
        _options = options;
        _faults = faults;
        _logger = logger;
        _handlers = new Dictionary<string, ITimerHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"two timer handlers fire the kind '{handler.Kind}'");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var (bookmark, fromBucket) = await TimerBookmark.ReadAsync(_table, cancellationToken).ConfigureAwait(false);
        var (due, truncated) = await ReadDueAsync(fromBucket, now, cancellationToken).ConfigureAwait(false);

        var fired = 0;
        var left = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                switch (await FireOneAsync(row, now, ct).ConfigureAwait(false))
                {
                    case Outcome.Fired:
                        Interlocked.Increment(ref fired);
                        break;
                    case Outcome.Left:
                        left.Add(row.PartitionKey);
                        break;
                }
            }).ConfigureAwait(false);

        // The earliest bucket that may still hold rows: a row left behind, the first unread row of a
        // truncated sweep, or else the current bucket (its later rows are not due yet).
        var next = TimerIndex.Bucket(now);
        if (truncated && due.Count > 0)
        {
            left.Add(due[^1].PartitionKey);
        }

        foreach (var bucket in left)
        {
            if (string.CompareOrdinal(bucket, next) < 0)
            {
                next = bucket;
            }
        }

        await _faults.AtAsync(SweepStep.BeforeBookmark, null, cancellationToken).ConfigureAwait(false);
        await TimerBookmark.AdvanceAsync(_table, bookmark, next, cancellationToken).ConfigureAwait(false);
        if (due.Count > 0)
        {
            _logger.LogInformation("Timer sweep at {Now:O}: {Due} due, {Fired} fired, {Left} left, bookmark {Bookmark}", now, due.Count, fired, left.Count, next);
        }

        return fired;
    }

    private async Task<(List<TableEntity> Due, bool Truncated)> ReadDueAsync(string fromBucket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<TableEntity>();
        var query = new TableQuery
        {
            PartitionKeyFrom = fromBucket,
            PartitionKeyTo = TimerIndex.NextBucket(now),
            RowKeyTo = TimerIndex.DueRowBound(now),
            PageSize = Math.Min(1000, _options.MaxTimersPerSweep),
        };
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                if (due.Count == _options.MaxTimersPerSweep)
                {
                    return (due, true);
                }

                due.Add(row);
            }

            if (page.ContinuationToken is null)
            {
                return (due, false);
            }

            if (due.Count == _options.MaxTimersPerSweep)
            {
                return (due, true);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    private async Task<Outcome> FireOneAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timer = TimerIndex.FromEntity(row);
        if (row.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now)
        {
            return Outcome.Left; // another sweeper holds it, or it waits after a failure
        }

        var attempts = row.GetInt32("Attempts") ?? 0;
        if (attempts >= _options.MaxAttempts)
        {
            var reason = $"gave up after {attempts} attempts; last error: {row.GetString("LastError") ?? "(the sweeper stopped while firing)"}";
            return await DeadLetterAsync(row, timer, reason, now, cancellationToken).ConfigureAwait(false);
        }

        if (!_handlers.TryGetValue(timer.Kind, out var handler))
        {
            _logger.LogError("No handler fires timers of kind {Kind}: {Target}/{Key} goes to the dead table", timer.Kind, timer.TargetId, timer.Key);
            return await DeadLetterAsync(row, timer, $"no handler fires timers of kind '{timer.Kind}'", now, cancellationToken).ConfigureAwait(false);
        }

        await _faults.AtAsync(SweepStep.BeforeClaim, timer, cancellationToken).ConfigureAwait(false);
        row["Attempts"] = attempts + 1;
        row["LeaseUntil"] = now + _options.LeaseDuration;
        row["LeasedBy"] = _instance;
        ETag claim;
        try
        {
            claim = await _table.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
        {
            return Outcome.Left; // another sweeper claimed it first
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Outcome.Gone; // another sweeper fired it already
        }

        await _faults.AtAsync(SweepStep.BeforeFire, timer, cancellationToken).ConfigureAwait(false);
        bool effect;
        try
        {
            effect = await handler.FireAsync(timer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Timer {Kind} {Target}/{Key} gen {Generation} failed (attempt {Attempt})", timer.Kind, timer.TargetId, timer.Key, timer.Generation, attempts + 1);
            await RecordFailureAsync(row, claim, attempts + 1, e, now, cancellationToken).ConfigureAwait(false);
            return Outcome.Left;
        }

        await _faults.AtAsync(SweepStep.BeforeDelete, timer, cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
        {
            // Our lease ran out and another sweeper claimed the row: it fires again (harmlessly) and deletes it.
            _logger.LogWarning("Timer {Kind} {Target}/{Key} outlived its lease; another sweeper will finish it", timer.Kind, timer.TargetId, timer.Key);
            return effect ? Outcome.Fired : Outcome.Left;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Cancelled while it fired (ITimerScheduler.CancelAsync): the row is gone, which is what the delete wanted.
        }

        await _faults.AtAsync(SweepStep.AfterDelete, timer, cancellationToken).ConfigureAwait(false);
        return effect ? Outcome.Fired : Outcome.Handled;
    }

    private async Task RecordFailureAsync(TableEntity row, ETag claim, int attempt, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _faults.AtAsync(SweepStep.BeforeRecordFailure, TimerIndex.FromEntity(row), cancellationToken).ConfigureAwait(false);
        var message = $"{error.GetType().Name}: {error.Message}";
        row["LastError"] = message.Length > MaxErrorLength ? message[..MaxErrorLength] : message;
        row["LeaseUntil"] = now + (_options.RetryDelay * attempt);
        try
        {
            await _table.UpdateEntityAsync(row, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Someone else has the row now; the lease we hold runs out anyway.
        }
    }

    private async Task<Outcome> DeadLetterAsync(TableEntity row, DurableTimer timer, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _faults.AtAsync(SweepStep.BeforeDeadLetter, timer, cancellationToken).ConfigureAwait(false);
        var dead = new TableEntity(timer.Kind, $"{row.PartitionKey}|{row.RowKey}");
        foreach (var (name, value) in row.Properties)
        {
            dead[name] = value;
        }

        dead["Reason"] = reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason;
        dead["DeadAt"] = now;
        await _dead.UpsertEntityAsync(dead, cancellationToken).ConfigureAwait(false);
        _logger.LogError("Timer {Kind} {Target}/{Key} gen {Generation} moved to the dead table: {Reason}", timer.Kind, timer.TargetId, timer.Key, timer.Generation, reason);

        await _faults.AtAsync(SweepStep.BeforeDeadDelete, timer, cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            return Outcome.Handled;
        }
        catch (RequestFailedException e) when (StorageErrors.IsPreconditionFailed(e))
        {
            return Outcome.Left; // claimed meanwhile by another sweeper; it decides
        }
    }

    private enum Outcome
    {
        /// <summary>Fired with an effect: counted.</summary>
        Fired,

        /// <summary>Done without an effect (stale), or dead-lettered: removed from the index.</summary>
        Handled,

        /// <summary>Still in the index: keeps the bookmark at or before its bucket.</summary>
        Left,

        /// <summary>Already removed by someone else.</summary>
        Gone,
    }
}
