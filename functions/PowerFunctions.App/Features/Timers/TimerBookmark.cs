using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// The sweep bookmark: the earliest bucket that may still hold timer rows. A sweep reads it first and
/// moves it forward last, ETag-checked against what it read; a scheduler lowers (or, for timers due
/// soon, touches) it after writing its rows, ETag-checked too. So a sweep that raced with a scheduler
/// fails its move and the bookmark never passes a row the sweep did not see. No bookmark row means
/// "scan from the first bucket": always safe, only slower.
/// </summary>
public static class TimerBookmark
{
    private const string BucketProperty = "Bucket";
    private const int MaxRetries = 100;

    /// <summary>The bookmark as read (null when there is none yet) and the bucket a sweep starts at.</summary>
    public static async Task<(TableEntity? Row, string Bucket)> ReadAsync(ITableClient table, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityAsync(TimerIndex.BookmarkPartition, TimerIndex.BookmarkRow, cancellationToken).ConfigureAwait(false);
        return (row, row?.GetString(BucketProperty) ?? TimerIndex.FirstBucket);
    }

    /// <summary>
    /// Moves the bookmark forward to <paramref name="bucket"/> unless someone wrote it since <paramref name="read"/>
    /// (then it stays: the next sweep moves it). Never moves it backwards. True when moved.
    /// </summary>
    public static async Task<bool> AdvanceAsync(ITableClient table, TableEntity? read, string bucket, CancellationToken cancellationToken)
    {
        var current = read?.GetString(BucketProperty) ?? TimerIndex.FirstBucket;
        if (string.CompareOrdinal(bucket, current) <= 0)
        {
            return false;
        }

        try
        {
            if (read is null)
            {
                await table.AddEntityAsync(Row(bucket), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(Row(bucket), read.ETag, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// After rows down to <paramref name="bucket"/> were written: lowers the bookmark to it if it is
    /// later, and when <paramref name="touch"/> rewrites it even if not (changing its ETag) so that a
    /// sweep that read it before these rows existed cannot move it past them.
    /// </summary>
    public static async Task LowerAsync(ITableClient table, string bucket, bool touch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            var row = await table.GetEntityAsync(TimerIndex.BookmarkPartition, TimerIndex.BookmarkRow, cancellationToken).ConfigureAwait(false);
            try
            {
                if (row is null)
                {
                    if (!touch)
                    {
                        return;
                    }

                    await table.AddEntityAsync(Row(bucket), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var current = row.GetString(BucketProperty) ?? TimerIndex.FirstBucket;
                var lower = string.CompareOrdinal(bucket, current) < 0;
                if (!lower && !touch)
                {
                    return;
                }

                await table.UpdateEntityAsync(Row(lower ? bucket : current), row.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Someone else wrote the bookmark in between: read it again.
            }
        }

        throw new InvalidOperationException($"the timer bookmark kept changing; gave up after {MaxRetries} tries");
    }

    private static TableEntity Row(string bucket) => new(TimerIndex.BookmarkPartition, TimerIndex.BookmarkRow) { [BucketProperty] = bucket };
}
