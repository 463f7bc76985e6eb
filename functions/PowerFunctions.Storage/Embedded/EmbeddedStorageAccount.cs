namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// The embedded adapter: every table, container and queue in one SQLite file,
/// <c>{DataPath}/powerfunctions.db</c> (WAL journal beside it). Behaves as Azure Storage does for
/// every operation of the ports (statuses, error codes, ETags, create-only, transactions,
/// continuation, visibility), so what runs here runs on Azure. Several processes may share one data
/// folder: SQLite's file locking serialises their writes and every ETag check happens inside the
/// write. Dispose it to close its connections.
/// </summary>
public sealed class EmbeddedStorageAccount : IStorageAccount, IDisposable
{
    /// <summary>The database file's name inside the data folder.</summary>
    public const string DatabaseFileName = "powerfunctions.db";

    private readonly SqliteStore _store;

    public EmbeddedStorageAccount(string dataPath)
        : this(dataPath, TimeProvider.System)
    {
    }

    /// <param name="dataPath">The data folder; created when missing.</param>
    /// <param name="clock">The clock for entity timestamps, blob modification times and queue visibility.</param>
    public EmbeddedStorageAccount(string dataPath, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        ArgumentNullException.ThrowIfNull(clock);
        DataPath = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(DataPath);
        DatabasePath = Path.Combine(DataPath, DatabaseFileName);
        _store = new SqliteStore(DatabasePath, clock);
    }

    public string DataPath { get; }

    /// <summary>The SQLite file holding everything.</summary>
    public string DatabasePath { get; }

    public string Provider => "Embedded";

    public ITableClient GetTableClient(string tableName) => new EmbeddedTableClient(_store, tableName);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => new EmbeddedBlobContainerClient(_store, containerName);

    public IQueueClient GetQueueClient(string queueName) => new EmbeddedQueueClient(_store, queueName);

    /// <summary>SQLite's <c>PRAGMA integrity_check</c> of the file: "ok" when it is sound.</summary>
    public string CheckIntegrity() => _store.IntegrityCheck();

    /// <summary>
    /// Gives back what an idle process need not keep: checkpoints and truncates the WAL file, closes the pooled
    /// SQLite sessions beyond <paramref name="keepSessions"/> and frees the page caches of those kept. Answers the
    /// sessions closed.
    /// </summary>
    public int ReleaseIdleMemory(int keepSessions = 1) => _store.ReleaseIdleMemory(keepSessions);

    /// <summary>The write-ahead log's background checkpoints: how many ran, how long the log had grown at the last, whether it caught up.</summary>
    public WalStatus Wal => new(_store.Checkpointer.Checkpoints, _store.Checkpointer.WriterCheckpoints, _store.Checkpointer.LastLogFrames, _store.Checkpointer.CaughtUp);

    public void Dispose() => _store.Dispose();
}

/// <summary>See <see cref="EmbeddedStorageAccount.Wal"/>: checkpoints run (in the background, and the writer's own tail checkpoints), the log's length in 4 KiB pages at the last one, and whether it copied the whole log.</summary>
public readonly record struct WalStatus(long Checkpoints, long WriterCheckpoints, int LastLogFrames, bool CaughtUp);
