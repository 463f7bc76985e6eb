using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Writes timers into the due-time index (see <see cref="TimerIndex"/>): create-only rows, so the same
/// timer scheduled twice is one row; timers of one bucket go in entity-group transactions of up to 100.
/// Then keeps the sweep bookmark at or before the earliest new row (see <see cref="TimerBookmark"/>), the
/// process's concurrent schedulers sharing one bookmark write (<see cref="BookmarkLowering"/>).
/// <para>
/// <see cref="ScheduleWithCommitAsync"/> remembers the rows it added (with their ETags) and, when the commit
/// fails, deletes each under its ETag. A writer whose create found a row already there rewrites it, so the row
/// it relies on gets a new ETag and a failed writer's take-back leaves it: two commands racing for one case
/// version never lose the winner's timers. The bookmark stays where it was moved (the sweep's cursor: a lower
/// one only makes the next sweep look a bucket earlier).
/// </para>
/// </summary>
public sealed class TableTimerScheduler(IStorageAccount storage, TimeProvider clock, TimerOptions options) : ITimerScheduler
{
    private readonly ITableClient _table = storage.GetTableClient(TimerIndex.TableName);
    private readonly BookmarkLowering _bookmark = new(storage.GetTableClient(TimerIndex.TableName));

    public Task ScheduleAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken) =>
        AddAsync(timers, cancellationToken);

    public async Task ScheduleWithCommitAsync(IReadOnlyList<DurableTimer> timers, Func<Task> commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var added = await AddAsync(timers, cancellationToken).ConfigureAwait(false);
        try
        {
            await commit().ConfigureAwait(false);
        }
        catch
        {
            await TakeBackAsync(added).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Deletes the timer's row (a sweep that claimed it meanwhile still fires it, harmlessly, and finds the row gone).</summary>
    public async Task CancelAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        TimerIndex.Validate(timer);
        var row = TimerIndex.ToEntity(timer);
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // fired already, or never written
        }
    }

    /// <summary>Writes the timers; answers the rows this call created (not those that were there), with their ETags.</summary>
    private async Task<IReadOnlyList<(TableEntity Row, ETag ETag)>> AddAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        if (timers.Count == 0)
        {
            return [];
        }

        foreach (var timer in timers)
        {
            TimerIndex.Validate(timer);
        }

        var buckets = timers
            .Select(TimerIndex.ToEntity)
            .DistinctBy(e => (e.PartitionKey, e.RowKey))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .ToList();

        // The buckets are independent partitions: written side by side (on the embedded store they then
        // share one group commit instead of waiting for one commit each), all before the bookmark moves.
        var added = await Task.WhenAll(buckets.Select(bucket => AddBucketAsync(bucket, cancellationToken))).ConfigureAwait(false);
        var earliest = buckets.Select(b => b.Key).Min(StringComparer.Ordinal);

        // A timer due soon (or already) could be passed over by a sweep that read the bookmark before
        // the row existed: touch the bookmark so that sweep's move fails. Later timers only lower it.
        var near = string.CompareOrdinal(earliest!, TimerIndex.Bucket(clock.GetUtcNow() + options.NearWindow)) <= 0;
        await _bookmark.LowerAsync(earliest!, touch: near, cancellationToken).ConfigureAwait(false);
        return [.. added.SelectMany(a => a)];
    }

    /// <summary>Deletes the rows a failed change added, each under the ETag it was created with; never throws (the rows are harmless: their generation is past the target's version).</summary>
    private async Task TakeBackAsync(IReadOnlyList<(TableEntity Row, ETag ETag)> added)
    {
        foreach (var (row, etag) in added)
        {
            try
            {
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, etag, CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // 412: another writer relies on the row (or a sweep holds it): it stays.
            }
        }
    }

    private async Task<List<(TableEntity Row, ETag ETag)>> AddBucketAsync(IEnumerable<TableEntity> bucket, CancellationToken cancellationToken)
    {
        var added = new List<(TableEntity Row, ETag ETag)>();
        foreach (var chunk in bucket.Chunk(TableTransaction.MaxActions))
        {
            await AddAllAsync(chunk, added, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task AddAllAsync(TableEntity[] chunk, List<(TableEntity Row, ETag ETag)> added, CancellationToken cancellationToken)
    {
        if (chunk.Length > 1)
        {
            try
            {
                var etags = await _table.SubmitTransactionAsync([.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], cancellationToken).ConfigureAwait(false);
                added.AddRange(chunk.Select((e, i) => (e, etags[i])));
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // Some were scheduled before (a retried command): add one by one, keeping those that exist.
            }
        }

        foreach (var entity in chunk)
        {
            try
            {
                added.Add((entity, await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)));
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                // The same timer is already in the index: rewrite it, so that a concurrent writer who created it
                // and then fails does not take it back (its ETag-checked delete now misses).
                await _table.UpsertEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
