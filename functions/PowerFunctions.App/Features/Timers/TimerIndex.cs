using System.Globalization;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// The layout of the due-time index (table <see cref="TableName"/>):
/// <list type="bullet">
/// <item>partition = the minute of <see cref="DurableTimer.DueAt"/> in UTC, <c>yyyyMMddHHmm</c> (a "bucket");
/// buckets sort in time order, so "everything due by now" is one partition range;</item>
/// <item>row = <c>{DueAt UTC ticks:D19}|{Kind}|{TargetId}|{Key}|{Generation:D19}</c>: rows sort by due instant
/// within a bucket, and the same timer scheduled twice is the same row;</item>
/// <item>one bookmark row (partition <see cref="BookmarkPartition"/>, which sorts after every bucket):
/// the earliest bucket that may still hold rows, where the sweep starts.</item>
/// </list>
/// Timers that could not be fired go to <see cref="DeadTableName"/> (partition = kind) with the reason.
/// </summary>
public static class TimerIndex
{
    public const string TableName = "timers";

    public const string DeadTableName = "timersdead";

    public const string BookmarkPartition = "bookmark";

    public const string BookmarkRow = "earliest";

    /// <summary>The bucket before every real bucket: where a sweep starts when there is no bookmark.</summary>
    public const string FirstBucket = "000000000000";

    private const string BucketFormat = "yyyyMMddHHmm";

    /// <summary>The bucket (partition) of an instant: its UTC minute.</summary>
    public static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);

    /// <summary>The bucket after the one holding <paramref name="instant"/>: an exclusive upper bound.</summary>
    public static string NextBucket(DateTimeOffset instant) => Bucket(instant.AddMinutes(1));

    /// <summary>The exclusive row-key bound of rows due at or before <paramref name="instant"/>.</summary>
    public static string DueRowBound(DateTimeOffset instant) =>
        (instant.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);

    public static string RowKey(DurableTimer timer) =>
        string.Create(CultureInfo.InvariantCulture, $"{timer.DueAt.UtcTicks:D19}|{timer.Kind}|{timer.TargetId}|{timer.Key}|{timer.Generation:D19}");

    /// <summary>Throws <see cref="ArgumentException"/> for a timer the index cannot hold (a caller's bug).</summary>
    public static void Validate(DurableTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ValidatePart(timer.Kind, nameof(timer.Kind));
        ValidatePart(timer.TargetId, nameof(timer.TargetId));
        ValidatePart(timer.Key, nameof(timer.Key));
        if (timer.Generation < 0)
        {
            throw new ArgumentException($"timer generation {timer.Generation} is negative", nameof(timer));
        }

        if (timer.DueAt.Year is < 2000 or > 9998)
        {
            throw new ArgumentException($"timer due {timer.DueAt:O} is out of range", nameof(timer));
        }

        if (RowKey(timer).Length > StorageNames.MaxKeyLength)
        {
            throw new ArgumentException("timer kind, target and key together are too long for a row key", nameof(timer));
        }
    }

    /// <summary>A new index row for <paramref name="timer"/>: never claimed, no attempts.</summary>
    public static TableEntity ToEntity(DurableTimer timer)
    {
        var entity = new TableEntity(Bucket(timer.DueAt), RowKey(timer))
        {
            ["Kind"] = timer.Kind,
            ["TargetId"] = timer.TargetId,
            ["Key"] = timer.Key,
            ["DueAt"] = timer.DueAt.ToUniversalTime(),
            ["Generation"] = timer.Generation,
            ["Attempts"] = 0,
        };
        return entity;
    }

    public static DurableTimer FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new DurableTimer(
            entity.GetString("Kind") ?? throw Corrupt(entity, "Kind"),
            entity.GetString("TargetId") ?? throw Corrupt(entity, "TargetId"),
            entity.GetString("Key") ?? throw Corrupt(entity, "Key"),
            entity.GetDateTimeOffset("DueAt") ?? throw Corrupt(entity, "DueAt"),
            entity.GetInt64("Generation") ?? throw Corrupt(entity, "Generation"));
    }

    private static InvalidOperationException Corrupt(TableEntity entity, string property) =>
        new($"timer row {entity.PartitionKey}/{entity.RowKey} has no {property}");

    private static void ValidatePart(string value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"timer {name} is empty", name);
        }

        foreach (var c in value)
        {
            if (c is '|' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"timer {name} '{value}' holds a character the index forbids (| / \\ # ? or a control character)", name);
            }
        }
    }
}
