using Azure;
using Microsoft.Data.Sqlite;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>
/// The embedded store's group commit: writes queued while the writer is busy are committed together in
/// one transaction, yet each keeps its own checks, fails alone, applies in queue order, and is answered
/// only after the commit. A batch is formed on purpose by holding the writer inside a first unit.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _dataPath = TempFolder.Create();
    private readonly SqliteStore _store;
    private readonly EmbeddedTableClient _table;

    public GroupCommitTests()
    {
        _store = new SqliteStore(Path.Combine(_dataPath, EmbeddedStorageAccount.DatabaseFileName), TimeProvider.System);
        _table = new EmbeddedTableClient(_store, "Grouped");
        _table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _store.Dispose();
        TempFolder.Delete(_dataPath);
    }

    [Fact]
    public async Task Batch_FailingUnits_FailAloneAndTheOthersCommitInOneTransaction()
    {
        var existing = await _table.AddEntityAsync(new TableEntity("p", "existing") { ["V"] = 1 });
        await _table.UpdateEntityAsync(new TableEntity("p", "existing") { ["V"] = 2 }, existing); // `existing` is now stale
        var batchesBefore = _store.BatchesCommitted;

        Task<ETag> first, duplicate, stale, last;
        Task<IReadOnlyList<ETag>> brokenTransaction, goodTransaction;
        Task<int> badSql;
        using (var held = HoldWriter())
        {
            first = _table.AddEntityAsync(new TableEntity("p", "a") { ["V"] = 1 });
            duplicate = _table.AddEntityAsync(new TableEntity("p", "a") { ["V"] = 2 }); // sees `first`, in the same batch
            stale = _table.UpdateEntityAsync(new TableEntity("p", "existing") { ["V"] = 3 }, existing);
            brokenTransaction = _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "t1")),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a")), // taken: the whole unit rolls back
            ]);
            badSql = _store.WriteAsync(session => session.Command("INSERT INTO no_such_table VALUES(1)").ExecuteNonQuery(), CancellationToken.None);
            goodTransaction = _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "t2")),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "t3")),
            ]);
            last = _table.AddEntityAsync(new TableEntity("p", "b"));
            await held.ReleaseAsync();
        }

        await first;
        Assert.Equal(409, (await Assert.ThrowsAsync<RequestFailedException>(() => duplicate)).Status);
        Assert.Equal(412, (await Assert.ThrowsAsync<RequestFailedException>(() => stale)).Status);
        Assert.Equal(1, (await Assert.ThrowsAsync<TableTransactionFailedException>(() => brokenTransaction)).FailedActionIndex);
        await Assert.ThrowsAsync<SqliteException>(() => badSql);
        Assert.Equal(2, (await goodTransaction).Count);
        await last;

        Assert.Equal(2, _store.BatchesCommitted - batchesBefore); // the holding unit's batch, then all the others in one
        Assert.Equal(1, (await _table.GetEntityAsync("p", "a"))!.GetInt32("V"));
        Assert.Equal(2, (await _table.GetEntityAsync("p", "existing"))!.GetInt32("V"));
        Assert.Null(await _table.GetEntityAsync("p", "t1"));
        Assert.NotNull(await _table.GetEntityAsync("p", "t2"));
        Assert.NotNull(await _table.GetEntityAsync("p", "t3"));
        Assert.NotNull(await _table.GetEntityAsync("p", "b"));
        Assert.Equal("ok", _store.IntegrityCheck());
    }

    [Fact]
    public async Task Batch_UnitsApplyInTheOrderTheyWereQueued()
    {
        var writes = new List<Task>();
        using (var held = HoldWriter())
        {
            for (var i = 1; i <= 100; i++)
            {
                writes.Add(_table.UpsertEntityAsync(new TableEntity("order", "row") { ["V"] = i }));
            }

            writes.Add(_table.DeleteEntityAsync("order", "row"));
            writes.Add(_table.AddEntityAsync(new TableEntity("order", "row") { ["V"] = 101 })); // possible only after the delete
            await held.ReleaseAsync();
        }

        await Task.WhenAll(writes);
        Assert.Equal(101, (await _table.GetEntityAsync("order", "row"))!.GetInt32("V"));
    }

    [Fact]
    public async Task Unit_CanceledWhileQueued_IsNotApplied()
    {
        using var cancel = new CancellationTokenSource();
        Task<ETag> canceled, kept;
        using (var held = HoldWriter())
        {
            canceled = _table.AddEntityAsync(new TableEntity("c", "canceled"), cancel.Token);
            kept = _table.AddEntityAsync(new TableEntity("c", "kept"));
            await cancel.CancelAsync();
            await held.ReleaseAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        await kept;
        Assert.Null(await _table.GetEntityAsync("c", "canceled"));
        Assert.NotNull(await _table.GetEntityAsync("c", "kept"));
    }

    [Fact]
    public async Task Unit_AnsweredOnlyAfterItsBatchCommitted()
    {
        Task<ETag> write;
        using (var held = HoldWriter())
        {
            write = _table.AddEntityAsync(new TableEntity("d", "row"));
            await Task.Delay(50);
            Assert.False(write.IsCompleted);
            Assert.Null(await _table.GetEntityAsync("d", "row")); // readers see committed batches only
            await held.ReleaseAsync();
        }

        var etag = await write;
        Assert.Equal(etag, (await _table.GetEntityAsync("d", "row"))!.ETag);
    }

    [Fact]
    public async Task ManyConcurrentWriters_CreateOnlyAndETagChecked_EachWriteExactlyOnce()
    {
        const int writers = 32;
        const int keys = 200;
        const int increments = 20;
        await _table.AddEntityAsync(new TableEntity("counter", "total") { ["V"] = 0L });
        var batchesBefore = _store.BatchesCommitted;

        // Every key is raced for by four writers (exactly one may create it); every writer also
        // increments one counter under its ETag (no increment may be lost).
        var winners = new int[keys];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var k = w % 4; k < keys; k += 4)
            {
                foreach (var key in new[] { k, (k + (keys / 2)) % keys })
                {
                    try
                    {
                        await _table.AddEntityAsync(new TableEntity("keys", $"k{key:D4}") { ["Writer"] = w });
                        Interlocked.Increment(ref winners[key]);
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                    }
                }
            }

            for (var i = 0; i < increments; i++)
            {
                while (true)
                {
                    var counter = (await _table.GetEntityAsync("counter", "total"))!;
                    try
                    {
                        await _table.UpdateEntityAsync(new TableEntity("counter", "total") { ["V"] = counter.GetInt64("V")!.Value + 1 }, counter.ETag);
                        break;
                    }
                    catch (RequestFailedException e) when (e.Status == 412)
                    {
                    }
                }
            }
        })));

        Assert.All(winners, n => Assert.Equal(1, n));
        var stored = await _table.QueryAsync(TableQuery.Partition("keys") with { PageSize = 1000 });
        Assert.Equal(keys, stored.Entities.Count);
        Assert.Equal(writers * increments, (await _table.GetEntityAsync("counter", "total"))!.GetInt64("V"));
        Assert.True(_store.BatchesCommitted - batchesBefore > 0);
        Assert.Equal("ok", _store.IntegrityCheck());
    }

    /// <summary>Queues a unit that keeps the writer busy until released, so what is queued meanwhile forms one batch.</summary>
    private HeldWriter HoldWriter()
    {
        var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var unit = _store.WriteAsync(_ => { entered.Set(); release.Wait(TimeSpan.FromSeconds(30)); return 0; }, CancellationToken.None);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the writer never took the holding unit");
        return new HeldWriter(release, unit);
    }

    private sealed class HeldWriter(ManualResetEventSlim release, Task unit) : IDisposable
    {
        public async Task ReleaseAsync()
        {
            release.Set();
            await unit;
        }

        public void Dispose() => release.Set();
    }
}
