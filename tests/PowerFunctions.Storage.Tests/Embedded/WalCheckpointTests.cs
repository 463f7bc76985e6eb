using Azure;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>
/// The write-ahead log is copied back into the file by the <see cref="WalCheckpointer"/>, off the writer's
/// path, and under steady writes it still starts over, so the log file stays bounded; when idle, the log
/// is cut to nothing. Nothing committed is lost on the way.
/// </summary>
public sealed class WalCheckpointTests : IDisposable
{
    private const int PageBytes = 4096;

    private readonly string _dataPath = TempFolder.Create();
    private readonly string _databasePath;
    private readonly SqliteStore _store;
    private readonly EmbeddedTableClient _table;

    public WalCheckpointTests()
    {
        _databasePath = Path.Combine(_dataPath, EmbeddedStorageAccount.DatabaseFileName);
        _store = new SqliteStore(_databasePath, TimeProvider.System, checkpointInterval: TimeSpan.FromMilliseconds(10));
        _table = new EmbeddedTableClient(_store, "Wal");
        _table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _store.Dispose();
        TempFolder.Delete(_dataPath);
    }

    [Fact]
    public async Task Writes_AreCheckpointedInTheBackground_UntilTheFileHoldsEveryCommit()
    {
        await WriteRowsAsync(count: 600, writers: 8);

        await Eventually(() => _store.Checkpointer.CaughtUp && _store.Checkpointer.Checkpoints > 0);
        Assert.True(_store.Checkpointer.Checkpoints > 0);
        Assert.True(_store.Checkpointer.CaughtUp);
    }

    [Fact]
    public async Task SteadyWrites_PastTheRestartMark_StartTheLogOver_AndTheLogFileStaysBounded()
    {
        // Well over twice the restart mark in pages: without the log starting over, the file would hold them all.
        var written = await WriteUntilPagesAsync(pages: 3 * WalCheckpointer.RestartAtFrames);

        Assert.True(_store.Checkpointer.WriterCheckpoints > 0, "the writer never copied the tail to start the log over");
        var walBytes = new FileInfo(_databasePath + "-wal").Length;
        Assert.True(walBytes < 2L * WalCheckpointer.RestartAtFrames * PageBytes, $"the log file grew to {walBytes} bytes");
        Assert.Equal(written, await CountRowsAsync());
    }

    [Fact]
    public async Task ReleaseIdleMemory_CutsTheLogFileToNothing_AndTheStoreGoesOn()
    {
        await WriteRowsAsync(count: 300, writers: 4);
        Assert.True(new FileInfo(_databasePath + "-wal").Length > 0);

        _store.ReleaseIdleMemory(keepSessions: 1);

        Assert.Equal(0, new FileInfo(_databasePath + "-wal").Length);
        await _table.AddEntityAsync(new TableEntity("after", "idle"));
        Assert.Equal(301, await CountRowsAsync());
    }

    [Fact]
    public void NegativeInterval_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WalCheckpointer(() => throw new InvalidOperationException("not opened"), TimeSpan.FromMilliseconds(-1)));
    }

    private async Task WriteRowsAsync(int count, int writers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await _table.AddEntityAsync(Row(i));
            }
        }));
    }

    /// <summary>Writes 3 KB rows, 64 side by side, until their bytes alone fill at least <paramref name="pages"/> pages of the log; answers the rows written.</summary>
    private async Task<int> WriteUntilPagesAsync(int pages)
    {
        var rows = pages * PageBytes / 3_000 + 64;
        for (var from = 0; from < rows; from += 64)
        {
            await WriteBatchAsync(from, Math.Min(64, rows - from));
        }

        return rows;
    }

    private Task WriteBatchAsync(int from, int count) =>
        Task.WhenAll(Enumerable.Range(from, count).Select(i => _table.AddEntityAsync(Row(i))));

    private static TableEntity Row(int i) =>
        new($"p{i % 97:D3}", $"r{i:D7}") { ["Body"] = new string('x', 3_000) };

    private async Task<int> CountRowsAsync() => (await TableRows.AllAsync(_table, new TableQuery())).Count;

    private static async Task Eventually(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
    }
}
