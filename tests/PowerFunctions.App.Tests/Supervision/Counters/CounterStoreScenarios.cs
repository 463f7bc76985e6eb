using System.Globalization;
using Azure;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Supervision.Counters;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Supervision.Counters;

/// <summary>
/// <see cref="CounterStore"/> on the store the subclass opens: group commit of concurrent events, exactly once per event
/// key (within a batch, across batches, across processes), no reads once rows are known, a storage failure failing only
/// its batch, and cancellation. Each test uses its own department, so its partitions are its own.
/// </summary>
public abstract class CounterStoreScenarios : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 9);

    private readonly string _department = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>One connection to the store under test (a new one each call).</summary>
    protected abstract IStorageAccount Open();

    /// <summary>Another connection to the same store, as another process of the app would have.</summary>
    protected abstract IStorageAccount OpenOtherProcess();

    public async Task InitializeAsync()
    {
        var storage = Open();
        await storage.GetTableClient(CounterStore.TableName).CreateIfNotExistsAsync();
        await storage.GetTableClient(SupervisionRegistry.TableName).CreateIfNotExistsAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RecordAsync_200ConcurrentDistinctEvents_EveryEventCountedExactlyOnce()
    {
        var storage = new ObservedStorage(Open());
        var store = Store(storage);

        // Each event counts received today and decided the next day: two rows (of four shards each) per event.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.RecordAsync(
        [
            new CounterIncrement(Key("e", i), _department, Monday, Counter.Received),
            new CounterIncrement(Key("e", i), _department, Monday.AddDays(1), Counter.Decided),
            new CounterIncrement(Key("e", i), _department, Monday.AddDays(1), Counter.DecidedOnTime, i % 2),
        ], default))));

        var totals = await TotalsAsync(store);
        Assert.Equal((200, 200, 100), (totals.Received, totals.Decided, totals.DecidedOnTime));
        Assert.True(await store.IsCountedAsync(_department, Monday, Key("e", 199), default));
        Assert.True(storage.Observed.Transactions < 200, $"{storage.Observed.Transactions} transactions for 200 events: they were not grouped");
    }

    [Fact]
    public async Task RecordAsync_SameEventConcurrently20TimesThenAgainLater_CountedOnce()
    {
        var store = Store(Open());
        CounterIncrement[] same = [new(Key("dup", 1), _department, Monday, Counter.Received), new(Key("dup", 1), _department, Monday, Counter.Complaints, 2)];

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.RecordAsync(i % 2 == 0 ? same : [.. same.Reverse()], default))).Concat(
            Enumerable.Range(0, 20).Select(i => Task.Run(() => store.RecordAsync([new CounterIncrement(Key("other", i), _department, Monday, Counter.Received)], default)))));
        await store.RecordAsync(same, default);
        await Store(OpenOtherProcess()).RecordAsync(same, default); // a process that never saw it: its marker's 409 tells

        var totals = await TotalsAsync(store);
        Assert.Equal((21L, 2L), (totals.Received, totals.Complaints));
    }

    [Fact]
    public async Task RecordAsync_AnotherProcessWritesTheSamePartition_TotalsExact()
    {
        var mine = Store(Open());
        var theirs = Store(OpenOtherProcess());

        // Rounds, so each process holds row ETags that the other one's writes make stale (the 412 path), and some events
        // recorded by both (each counted once).
        for (var round = 0; round < 3; round++)
        {
            var r = round;
            await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            {
                var store = i % 2 == 0 ? mine : theirs;
                var key = i % 10 == 9 ? Key($"both{r}-", i / 2) : Key($"r{r}-", i);
                return store.RecordAsync([new CounterIncrement(key, _department, Monday, Counter.Received)], default);
            })));
        }

        // 3 rounds × (54 distinct + 6 events keyed i/2 for i = 9, 19, …, 59: 4, 9, 14, 19, 24, 29 → 6 distinct).
        Assert.Equal(3 * 60, (await TotalsAsync(mine)).Received);
    }

    [Fact]
    public async Task RecordAsync_RowMovedByAnotherProcess_ReadAgainAndCounted()
    {
        var storage = new ObservedStorage(Open());
        var mine = Store(storage);
        var theirs = Store(OpenOtherProcess());
        var keys = SameRow(3);

        await mine.RecordAsync([new CounterIncrement(keys[0], _department, Monday, Counter.Received)], default); // mine now knows the row's ETag
        await theirs.RecordAsync([new CounterIncrement(keys[1], _department, Monday, Counter.Received)], default); // …which this makes stale
        var readsBefore = storage.Observed.Reads;
        await mine.RecordAsync([new CounterIncrement(keys[2], _department, Monday, Counter.Received)], default); // 412, read again, write

        Assert.Equal(readsBefore + 1, storage.Observed.Reads);
        Assert.Equal(3, (await TotalsAsync(mine)).Received);
    }

    [Fact]
    public async Task RecordAsync_RowsKnown_NoReadsOnTheWay()
    {
        var storage = new ObservedStorage(Open());
        var store = Store(storage);
        await store.RecordAsync([.. Enumerable.Range(0, 40).Select(i => new CounterIncrement(Key("warm", i), _department, Monday, Counter.Received))], default);
        var readsBefore = storage.Observed.Reads;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.RecordAsync([new CounterIncrement(Key("hot", i), _department, Monday, Counter.Received)], default))));

        Assert.Equal(readsBefore, storage.Observed.Reads);
        Assert.Equal(90, (await TotalsAsync(store)).Received);
    }

    [Fact]
    public async Task RecordAsync_150EventsWaitingBehindATransaction_WrittenInTwoTransactionsOfAtMost100Actions()
    {
        var storage = new ObservedStorage(Open());
        var store = Store(storage);
        var (first, release) = await FirstHeldAsync(storage, store);

        var waiting = Enumerable.Range(0, 150).Select(i => store.RecordAsync([new CounterIncrement(Key("w", i), _department, Monday, Counter.Received)], default)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted)); // answered only after their commit
        release.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal(3, storage.Observed.Transactions);
        Assert.Equal(151, (await TotalsAsync(store)).Received);
    }

    [Fact]
    public async Task RecordAsync_StorageFailsTheBatch_ItsCallersFailAndNothingOfItIsCounted()
    {
        var storage = new ObservedStorage(Open());
        var store = Store(storage);
        var (first, release) = await FirstHeldAsync(storage, store);
        var batch = Enumerable.Range(0, 10).Select(i => store.RecordAsync([new CounterIncrement(Key("b", i), _department, Monday, Counter.Received)], default)).ToList();
        storage.Observed.FailNext = new RequestFailedException(503, "the server is busy", "ServerBusy", null);

        release.SetResult();
        await first;
        foreach (var caller in batch)
        {
            var e = await Assert.ThrowsAsync<RequestFailedException>(() => caller);
            Assert.Equal(503, e.Status);
        }

        Assert.Equal(1, (await TotalsAsync(store)).Received);
        Assert.False(await store.IsCountedAsync(_department, Monday, Key("b", 0), default));

        // Recorded again (the callers' retry), they count, once.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.RecordAsync([new CounterIncrement(Key("b", i), _department, Monday, Counter.Received)], default)));
        Assert.Equal(11, (await TotalsAsync(store)).Received);
    }

    [Fact]
    public async Task RecordAsync_CancelledBeforeOrWhileWaiting_ThrowsAndCountsNothing()
    {
        var storage = new ObservedStorage(Open());
        var store = Store(storage);
        var increment = new CounterIncrement(Key("c", 0), _department, Monday, Counter.Received);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RecordAsync([increment], new CancellationToken(canceled: true)));

        var (first, release) = await FirstHeldAsync(storage, store);
        using var cancel = new CancellationTokenSource();
        var waiting = store.RecordAsync([increment], cancel.Token);
        var other = store.RecordAsync([new CounterIncrement(Key("c", 1), _department, Monday, Counter.Received)], default);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting); // at once, while the transaction ahead is held
        release.SetResult();
        await first;
        await other;

        Assert.Equal(2, (await TotalsAsync(store)).Received);
        Assert.False(await store.IsCountedAsync(_department, Monday, increment.EventKey, default));
        await store.RecordAsync([increment], default);
        Assert.Equal(3, (await TotalsAsync(store)).Received);
    }

    [Fact]
    public async Task RecordAsync_BadEventKey_ThrowsAndCountsNothing()
    {
        var store = Store(Open());

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAsync(
            [new CounterIncrement(Key("ok", 0), _department, Monday, Counter.Received), new CounterIncrement("bad|key", _department, Monday, Counter.Received)], default));

        Assert.Equal(0, (await TotalsAsync(store)).Received);
    }

    /// <summary>Records one event whose transaction is held: events recorded until <c>release</c> wait behind it.</summary>
    private async Task<(Task First, TaskCompletionSource Release)> FirstHeldAsync(ObservedStorage storage, CounterStore store)
    {
        var release = storage.Observed.Hold();
        var first = store.RecordAsync([new CounterIncrement(Key("first", 0), _department, Monday, Counter.Received)], default);
        await storage.Observed.Held.Task;
        return (first, release);
    }

    private static CounterStore Store(IStorageAccount storage) => new(storage, new SupervisionRegistry(storage));

    private static string Key(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D5}");

    /// <summary><paramref name="count"/> event keys whose events on one day land on the same counter row (shard).</summary>
    private static List<string> SameRow(int count) =>
        [.. Enumerable.Range(0, 1000).Select(i => Key("s", i)).GroupBy(k => CounterStore.CounterRow(Monday, k)).First(g => g.Count() >= count).Take(count)];

    private async Task<DepartmentCounters> TotalsAsync(CounterStore store) =>
        (await store.DaysAsync(_department, Monday, Monday.AddDays(1), default)).Aggregate(DepartmentCounters.Zero, (sum, d) => sum.Plus(d.Counts));
}
