using Azure;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>
/// The embedded store gives back memory when the process is idle: the read sessions a burst opened
/// (each with its page cache and prepared statements) are closed beyond the few kept, and the store
/// still reads and writes afterwards.
/// </summary>
public sealed class IdleMemoryTests : IDisposable
{
    private readonly string _dataPath = TempFolder.Create();
    private readonly SqliteStore _store;
    private readonly EmbeddedTableClient _table;

    public IdleMemoryTests()
    {
        _store = new SqliteStore(Path.Combine(_dataPath, EmbeddedStorageAccount.DatabaseFileName), TimeProvider.System);
        _table = new EmbeddedTableClient(_store, "Idle");
        _table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _store.Dispose();
        TempFolder.Delete(_dataPath);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ReleaseIdleMemory_AfterABurstOfReads_ClosesTheSessionsBeyondTheKeptAndStillWorks(int keep)
    {
        await _table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1L });
        const int Burst = 8;
        using var together = new Barrier(Burst);
        var readers = Enumerable.Range(0, Burst)
            .Select(_ => Task.Factory.StartNew(() => _store.Read(session => together.SignalAndWait(TimeSpan.FromSeconds(30))), TaskCreationOptions.LongRunning))
            .ToArray();
        Assert.All(await Task.WhenAll(readers), Assert.True);
        Assert.True(_store.IdleSessions >= Burst);

        var closed = _store.ReleaseIdleMemory(keep);

        Assert.Equal(keep, _store.IdleSessions);
        Assert.True(closed >= Burst - keep);
        Assert.Equal(1L, (await _table.GetEntityAsync("p", "r"))!.GetInt64("V"));
        await _table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2L });
        Assert.Equal(2L, (await _table.GetEntityAsync("p", "r"))!.GetInt64("V"));
    }

    [Fact]
    public void ReleaseIdleMemory_NegativeKeep_IsRefusedAndClosesNothing()
    {
        var before = _store.IdleSessions;

        Assert.Throws<ArgumentOutOfRangeException>(() => _store.ReleaseIdleMemory(-1));

        Assert.Equal(before, _store.IdleSessions);
    }
}
