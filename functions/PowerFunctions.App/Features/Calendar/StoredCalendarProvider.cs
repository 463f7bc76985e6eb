using System.Globalization;
using Azure;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Calendar;

/// <summary>
/// The calendar in force: the built-in official schedules (2024–2026) with every year stored in table
/// <c>calendar</c> on top (a stored year replaces the built-in one). One partition holds one row per
/// year (the schedule as JSON) and a <c>version</c> row bumped in the same transaction as each write.
/// The built calendar is cached; after <see cref="RecheckAfter"/> one point read of the version row
/// tells whether another instance changed it, so a PUT anywhere is seen everywhere within seconds and
/// a call costs nothing in between.
/// </summary>
public sealed class StoredCalendarProvider(IStorageAccount storage, ILogger<StoredCalendarProvider> logger) : ICalendarProvider
{
    public const string TableName = "calendar";

    /// <summary>How long a cached calendar is trusted before the version row is read again.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);

    private const string Partition = "schedules";
    private const string VersionRow = "version";

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    private ITableClient Table => storage.GetTableClient(TableName);

    /// <inheritdoc />
    public async ValueTask<IWorkingCalendar> GetCurrentAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).Calendar;

    /// <summary>The calendar in force, as the concrete type (for <see cref="WorkingCalendar.Explain"/>).</summary>
    public async ValueTask<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).Calendar;

    /// <summary>The stored schedule of <paramref name="year"/>, or null when the year is built in or not loaded.</summary>
    public async ValueTask<StoredYear?> GetStoredAsync(int year, CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).Stored.GetValueOrDefault(year);

    /// <summary>
    /// Stores <paramref name="schedule"/> (replacing the year) and bumps the version in one transaction,
    /// then answers the new calendar. Concurrent writers retry on the version's ETag.
    /// </summary>
    public async Task<WorkingCalendar> SaveAsync(YearSchedule schedule, string savedBy, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var row = new TableEntity(Partition, RowKeyOf(schedule.Year))
        {
            ["Schedule"] = YearScheduleJson.Write(schedule),
            ["SavedBy"] = savedBy,
            ["SavedAt"] = savedAt,
        };
        for (var attempt = 1; ; attempt++)
        {
            var current = await Table.GetEntityAsync(Partition, VersionRow, cancellationToken).ConfigureAwait(false);
            var next = new TableEntity(Partition, VersionRow) { ["Version"] = (current?.GetInt64("Version") ?? 0) + 1 };
            TableTransactionAction bump = current is null
                ? new(TableTransactionActionType.Add, next)
                : new(TableTransactionActionType.UpdateReplace, next, current.ETag);
            try
            {
                await Table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, row), bump], cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                logger.LogInformation("calendar version moved while saving {Year}; retrying", schedule.Year);
            }
        }

        return (await RefreshAsync(force: true, cancellationToken).ConfigureAwait(false)).Calendar;
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Environment.TickCount64 - snapshot.CheckedAt < RecheckAfter.TotalMilliseconds)
        {
            return snapshot;
        }

        return await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Snapshot> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = _snapshot;
            if (!force && snapshot is not null && Environment.TickCount64 - snapshot.CheckedAt < RecheckAfter.TotalMilliseconds)
            {
                return snapshot; // another caller refreshed while this one waited
            }

            var versionRow = await Table.GetEntityAsync(Partition, VersionRow, cancellationToken).ConfigureAwait(false);
            var version = versionRow?.GetInt64("Version") ?? 0;
            if (snapshot is not null && snapshot.Version == version)
            {
                _snapshot = snapshot with { CheckedAt = Environment.TickCount64 };
                return _snapshot;
            }

            _snapshot = await LoadAsync(version, cancellationToken).ConfigureAwait(false);
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<int, StoredYear>();
        string? continuation = null;
        do
        {
            var page = await Table.QueryAsync(TableQuery.Partition(Partition) with { ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                if (entity.RowKey == VersionRow || !int.TryParse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    continue;
                }

                var parsed = YearScheduleJson.Parse(entity.GetString("Schedule") ?? "", year);
                if (!parsed.IsSuccess)
                {
                    // Only valid schedules are ever written; a bad row is someone's manual edit: keep the rest working.
                    logger.LogError("stored calendar year {Year} is invalid and ignored: {Detail}", year, parsed.Error.Detail);
                    continue;
                }

                stored[year] = new StoredYear(parsed.Value, entity.GetString("SavedBy") ?? "", entity.GetDateTimeOffset("SavedAt") ?? default);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        var calendar = new WorkingCalendar(
            OfficialSchedules.All.Where(s => !stored.ContainsKey(s.Year)).Concat(stored.Values.Select(s => s.Schedule)));

        return new Snapshot(calendar, version, Environment.TickCount64, stored);
    }

    private static string RowKeyOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private sealed record Snapshot(WorkingCalendar Calendar, long Version, long CheckedAt, IReadOnlyDictionary<int, StoredYear> Stored);
}
