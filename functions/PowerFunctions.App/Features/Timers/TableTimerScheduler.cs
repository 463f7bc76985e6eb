using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Writes timers into the due-time index (see <see cref="TimerIndex"/>): create-only rows, so the same
/// timer scheduled twice is one row; timers of one bucket go in entity-group transactions of up to 100.
/// Then keeps the sweep bookmark at or before the earliest new row (see <see cref="TimerBookmark"/>), the
/// process's concurrent schedulers sharing one bookmark write (<see cref="BookmarkLowering"/>).
/// </summary>
public sealed class TableTimerScheduler(IStorageAccount storage, TimeProvider clock, TimerOptions options) : ITimerScheduler
{
    private readonly ITableClient _table = storage.GetTableClient(TimerIndex.TableName);
    private readonly BookmarkLowering _bookmark = new(storage.GetTableClient(TimerIndex.TableName));

    public async Task ScheduleAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        if (timers.Count == 0)
        {
            return;
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
        await Task.WhenAll(buckets.Select(bucket => AddBucketAsync(bucket, cancellationToken))).ConfigureAwait(false);
        var earliest = buckets.Select(b => b.Key).Min(StringComparer.Ordinal);

        // A timer due soon (or already) could be passed over by a sweep that read the bookmark before
        // the row existed: touch the bookmark so that sweep's move fails. Later timers only lower it.
        var near = string.CompareOrdinal(earliest!, TimerIndex.Bucket(clock.GetUtcNow() + options.NearWindow)) <= 0;
        await _bookmark.LowerAsync(earliest!, touch: near, cancellationToken).ConfigureAwait(false);
    }

    private async Task AddBucketAsync(IEnumerable<TableEntity> bucket, CancellationToken cancellationToken)
    {
        foreach (var chunk in bucket.Chunk(TableTransaction.MaxActions))
        {
            await AddAllAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddAllAsync(TableEntity[] chunk, CancellationToken cancellationToken)
    {
        if (chunk.Length > 1)
        {
            try
            {
                await _table.SubmitTransactionAsync([.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], cancellationToken).ConfigureAwait(false);
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
                await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                // The same timer is already in the index.
            }
        }
    }
}
