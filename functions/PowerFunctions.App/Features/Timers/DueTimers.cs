using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Reads the due-time index for supervisors: the timers due in a window, read bucket range by bucket
/// range (a partition-range query), so the cost follows the window, not the whole index.
/// </summary>
public sealed class DueTimers(IStorageAccount storage)
{
    private readonly ITableClient _table = storage.GetTableClient(TimerIndex.TableName);

    /// <summary>Timers with <paramref name="from"/> ≤ due &lt; <paramref name="to"/>, in due order; at most <paramref name="limit"/> (and whether more were left).</summary>
    public async Task<(IReadOnlyList<DurableTimer> Timers, bool Truncated)> ListAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        var timers = new List<DurableTimer>();
        var query = new TableQuery
        {
            PartitionKeyFrom = TimerIndex.Bucket(from),
            PartitionKeyTo = TimerIndex.NextBucket(to),
        };
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities)
            {
                var timer = TimerIndex.FromEntity(row);
                if (timer.DueAt < from || timer.DueAt >= to)
                {
                    continue; // the edge buckets hold a few rows outside the window
                }

                if (timers.Count == limit)
                {
                    return (timers, true);
                }

                timers.Add(timer);
            }

            if (page.ContinuationToken is null)
            {
                return (timers, false);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }
}
