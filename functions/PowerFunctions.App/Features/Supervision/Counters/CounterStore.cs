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
/// column per counter code; four shards per day, the shard chosen by the event key, so writers in several processes
/// rarely race on one row) and one create-only marker row <c>m|{eventKey}</c> per event counted. A marker and the counter
/// rows it moves are written in ONE entity-group transaction (counter rows under their ETag): an event delivered twice
/// finds its marker and counts nothing, and a failure counts nothing. Writes are group-committed by a
/// <see cref="CounterWriter"/> (one per store): concurrent events of one partition share transactions, the rows are
/// written from what this process last stored and read only when unknown or moved by another process, and
/// <see cref="RecordAsync"/> returns once the transaction holding its events committed. Reading a month of a department
/// is one range query over its counter rows (≤ 124 rows), never over the markers.
/// </summary>
public sealed class CounterStore(IStorageAccount storage, SupervisionRegistry registry) : ISupervisionCounters
{
    public const string TableName = "supervisioncounters";

    /// <summary>Counter rows per department and day.</summary>
    public const int Shards = 4;

    private readonly ITableClient _table = storage.GetTableClient(TableName);

    private readonly CounterWriter _writer = new(storage.GetTableClient(TableName));

    /// <summary>Counts each event of <paramref name="increments"/> once (by its key); returns when all are stored.</summary>
    public async Task RecordAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        cancellationToken.ThrowIfCancellationRequested();
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

        var writes = increments
            .GroupBy(i => (Partition: Partition(i.Department, i.Day), i.EventKey))
            .Select(g => _writer.WriteAsync(g.Key.Partition, g.Key.EventKey, [.. g], cancellationToken))
            .ToList();
        await Task.WhenAll(writes).ConfigureAwait(false);
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

    internal static DepartmentCounters Read(TableEntity e) =>
        DepartmentCounters.FromValues(Enum.GetValues<Counter>().Select(c => new KeyValuePair<Counter, long>(c, e.GetInt64(CounterNames.Of(c)) ?? 0)));

    public static string Partition(string department, DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{department}|{day:yyyyMM}");

    internal static string Marker(string eventKey) => "m|" + eventKey;

    internal static string CounterRow(DateOnly day, string eventKey) =>
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
}
