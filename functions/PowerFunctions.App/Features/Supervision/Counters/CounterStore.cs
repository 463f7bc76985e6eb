using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Supervision.Counters;

/// <summary>
/// Table <c>supervisioncounters</c>: the per-department, per-day counters the reports sum (<see cref="SupervisionCounters"/>).
/// Partition <c>{department}|{yyyyMM}</c> (a department's month); in it the counter rows <c>c|{yyyyMMdd}|{shard}</c> (one
/// column per counter code; four shards per day, the shard chosen by the event key, so concurrent events of one busy
/// department rarely race on one row) and one create-only marker row <c>m|{eventKey}</c> per event counted. The marker
/// and the counter rows it moves are written in ONE entity-group transaction (counter rows under their ETag): an event
/// delivered twice finds its marker and counts nothing, and a failure counts nothing. Reading a month of a department is
/// one range query over its counter rows (≤ 124 rows), never over the markers.
/// </summary>
public sealed class CounterStore(IStorageAccount storage, SupervisionRegistry registry) : ISupervisionCounters
{
    public const string TableName = "supervisioncounters";

    /// <summary>Counter rows per department and day.</summary>
    public const int Shards = 4;

    /// <summary>Events recorded in one transaction when many come at once (a backfill): markers plus their rows stay under 100 actions.</summary>
    private const int EventsPerTransaction = 40;

    private const int MaxRetries = 30;

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    public async Task RecordAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        if (increments.Count == 0)
        {
            return;
        }

        foreach (var i in increments)
        {
            Validate(i);
        }

        foreach (var department in increments.Select(i => i.Department).Distinct(StringComparer.Ordinal))
        {
            await registry.NoteDepartmentAsync(department, cancellationToken).ConfigureAwait(false);
        }

        var events = increments
            .GroupBy(i => (Partition(i.Department, i.Day), i.EventKey))
            .Select(g => new PendingEvent(g.Key.Item1, g.Key.EventKey, [.. g]))
            .GroupBy(e => e.Partition, StringComparer.Ordinal);
        foreach (var partition in events)
        {
            var list = partition.ToList();
            if (list.Count == 1)
            {
                await RecordOneAsync(list[0], cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var chunk in list.Chunk(EventsPerTransaction))
            {
                if (!await TryRecordTogetherAsync(partition.Key, chunk, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var one in chunk)
                    {
                        await RecordOneAsync(one, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>The counter rows of <paramref name="department"/> from <paramref name="from"/> to <paramref name="to"/> (inclusive); several rows per day (shards).</summary>
    public async Task<IReadOnlyList<DailyCounters>> DaysAsync(string department, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<DailyCounters>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = from > month ? from : month;
            var last = month.AddMonths(1).AddDays(-1) < to ? month.AddMonths(1).AddDays(-1) : to;
            var query = new TableQuery
            {
                PartitionKey = Partition(department, month),
                RowKeyFrom = "c|" + Day(first),
                RowKeyTo = "c|" + Day(last.AddDays(1)),
            };
            while (true)
            {
                var page = await _table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                days.AddRange(page.Entities.Select(e => new DailyCounters(department, ParseDay(e.RowKey), Read(e))));
                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }
        }

        return days;
    }

    /// <summary>True when the event <paramref name="eventKey"/> of <paramref name="department"/> on <paramref name="day"/> was counted.</summary>
    public async Task<bool> IsCountedAsync(string department, DateOnly day, string eventKey, CancellationToken cancellationToken) =>
        await _table.GetEntityAsync(Partition(department, day), Marker(eventKey), cancellationToken).ConfigureAwait(false) is not null;

    private async Task RecordOneAsync(PendingEvent e, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            if (await _table.GetEntityAsync(e.Partition, Marker(e.EventKey), cancellationToken).ConfigureAwait(false) is not null)
            {
                return; // counted before
            }

            try
            {
                await SubmitAsync(e.Partition, [e], cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || StorageErrors.IsPreconditionFailed(ex))
            {
                // the marker came meanwhile (then the next read sees it) or a counter row moved: again
            }
        }

        throw new InvalidOperationException($"counters of {e.EventKey} kept changing; gave up");
    }

    /// <summary>Several events in one transaction; false when one of them was counted already (the caller then goes one by one).</summary>
    private async Task<bool> TryRecordTogetherAsync(string partition, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRetries; attempt++)
        {
            try
            {
                await SubmitAsync(partition, events, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableTransactionFailedException ex) when (StorageErrors.IsConflict(ex) && ex.FailedActionIndex < events.Count)
            {
                return false;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsConflict(ex) || StorageErrors.IsPreconditionFailed(ex))
            {
                // a counter row moved: read again
            }
        }

        return false;
    }

    private async Task SubmitAsync(string partition, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var e in events)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, Marker(e.EventKey))));
        }

        foreach (var row in events.SelectMany(e => e.Increments.Select(i => (Row: CounterRow(i.Day, e.EventKey), Increment: i))).GroupBy(x => x.Row, StringComparer.Ordinal))
        {
            var stored = await _table.GetEntityAsync(partition, row.Key, cancellationToken).ConfigureAwait(false);
            var entity = new TableEntity(partition, row.Key);
            var counts = stored is null ? DepartmentCounters.Zero : Read(stored);
            foreach (var (_, increment) in row)
            {
                counts = counts.With(increment.Counter, increment.Delta);
            }

            foreach (var (counter, value) in counts.Values())
            {
                if (value != 0)
                {
                    entity[CounterNames.Of(counter)] = value;
                }
            }

            actions.Add(stored is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, stored.ETag));
        }

        await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    private static DepartmentCounters Read(TableEntity e) =>
        DepartmentCounters.FromValues(Enum.GetValues<Counter>().Select(c => new KeyValuePair<Counter, long>(c, e.GetInt64(CounterNames.Of(c)) ?? 0)));

    public static string Partition(string department, DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{department}|{day:yyyyMM}");

    private static string Marker(string eventKey) => "m|" + eventKey;

    private static string CounterRow(DateOnly day, string eventKey) =>
        string.Create(CultureInfo.InvariantCulture, $"c|{Day(day)}|{SHA256.HashData(Encoding.UTF8.GetBytes(eventKey))[0] % Shards}");

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string rowKey) => DateOnly.ParseExact(rowKey.AsSpan(2, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    private static void Validate(CounterIncrement i)
    {
        if (string.IsNullOrEmpty(i.EventKey) || i.EventKey.Length > 400 || !StorageNames.HasOnlyKeyCharacters(i.EventKey) || i.EventKey.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"event key '{i.EventKey}' cannot be a storage key", nameof(i));
        }

        if (string.IsNullOrEmpty(i.Department) || i.Department.Length > 64 || !StorageNames.HasOnlyKeyCharacters(i.Department) || i.Department.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"department '{i.Department}' cannot be a storage key", nameof(i));
        }
    }

    private sealed record PendingEvent(string Partition, string EventKey, IReadOnlyList<CounterIncrement> Increments);
}
