using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// The index of events not yet published (table <see cref="TableName"/>), so the publisher reads what
/// is pending instead of scanning aggregates: partition = the aggregate's table, row =
/// <c>{aggregate partition}|{eventId}</c>, with <c>WrittenAt</c> and, after failed sends,
/// <c>Attempts</c>, <c>NextAttemptAt</c>, <c>LastError</c>. As with the durable timers, an index row
/// is written BEFORE the commit and checked against the aggregate partition's own outbox row: present
/// and pending → send; sent → the index row goes; absent → the commit has not happened (yet): kept
/// for <see cref="OutboxOptions.GracePeriod"/>, then dropped as a commit that never happened.
/// </summary>
public static class OutboxIndex
{
    public const string TableName = "outbox";

    public static string RowKey(string partitionKey, string eventId) => partitionKey + "|" + eventId;

    /// <summary>The aggregate's table, partition and event id of an index row.</summary>
    public static (string Table, string Partition, string EventId) Target(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var bar = row.RowKey.LastIndexOf('|');
        return bar <= 0
            ? throw new InvalidOperationException($"outbox index row {row.PartitionKey}/{row.RowKey} names no partition and event")
            : (row.PartitionKey, row.RowKey[..bar], row.RowKey[(bar + 1)..]);
    }

    /// <summary>The index rows of one aggregate partition.</summary>
    public static TableQuery Of(string tableName, string partitionKey) => TableQuery.RowPrefix(tableName, partitionKey + "|");

    public static TableEntity ToEntity(string tableName, string partitionKey, string eventId, DateTimeOffset writtenAt) =>
        new(tableName, RowKey(partitionKey, eventId)) { ["WrittenAt"] = writtenAt };
}
