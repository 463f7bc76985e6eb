using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>
/// A real embedded store in a temporary folder with a manual clock, for driving the timer engine
/// directly. <see cref="Restart"/> closes the store and opens it again, as a restarted process would.
/// </summary>
internal sealed class TimerStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly string _path = Path.Combine(Path.GetTempPath(), "pf-timers-" + Guid.NewGuid().ToString("N"));

    public TimerStore()
    {
        Account = Open();
    }

    public ManualClock Clock { get; } = new(Start);

    public EmbeddedStorageAccount Account { get; private set; }

    public ITableClient Index => Account.GetTableClient(TimerIndex.TableName);

    public ITableClient Dead => Account.GetTableClient(TimerIndex.DeadTableName);

    public ITableClient Effects => Account.GetTableClient(EffectCounterHandler.TableName);

    public void Restart()
    {
        Account.Dispose();
        Account = Open();
    }

    public TableTimerScheduler Scheduler(TimerOptions? options = null) => new(Account, Clock, options ?? new TimerOptions());

    public DeadlineSweeper Sweeper(IEnumerable<ITimerHandler> handlers, TimerOptions? options = null, ISweepFaults? faults = null) =>
        new(Account, Clock, handlers, options ?? new TimerOptions(), faults ?? new NoSweepFaults(), NullLogger<DeadlineSweeper>.Instance);

    /// <summary>Every row of the index but the bookmark.</summary>
    public async Task<List<TableEntity>> IndexRowsAsync()
    {
        var rows = new List<TableEntity>();
        var query = new TableQuery { PartitionKeyTo = TimerIndex.BookmarkPartition };
        while (true)
        {
            var page = await Index.QueryAsync(query);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                return rows;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    public async Task<List<TableEntity>> AllAsync(ITableClient table)
    {
        var rows = new List<TableEntity>();
        var query = new TableQuery();
        while (true)
        {
            var page = await table.QueryAsync(query);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                return rows;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    public void Dispose()
    {
        Account.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private EmbeddedStorageAccount Open()
    {
        var account = new EmbeddedStorageAccount(_path, Clock);
        foreach (var table in new[] { TimerIndex.TableName, TimerIndex.DeadTableName, EffectCounterHandler.TableName })
        {
            account.GetTableClient(table).CreateIfNotExistsAsync().GetAwaiter().GetResult();
        }

        return account;
    }
}
