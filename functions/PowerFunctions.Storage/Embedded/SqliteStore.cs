using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// The SQLite file behind an <see cref="EmbeddedStorageAccount"/>: schema, a pool of open sessions for
/// reads, and the write discipline, <b>group commit</b>:
/// <list type="bullet">
/// <item>Every write of this process (an entity write, a table transaction, a queue or blob change) is
/// a <em>unit</em>: <see cref="WriteAsync{T}(Func{SqliteSession, T}, CancellationToken)"/> queues it and returns at once with a task.</item>
/// <item>One writer loop takes whatever has queued up (at most <see cref="MaxBatch"/> units, first in
/// first out) and runs the whole batch in ONE <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> on its own
/// connection. While it commits, the next batch queues; so under load many units share one commit (its
/// WAL append, its locks, the readers' page-cache invalidation), and when idle a unit is committed
/// alone, at once.</item>
/// <item>Each unit runs inside its own <c>SAVEPOINT</c> (a unit of one statement relies on SQLite's statement atomicity instead): its own checks (create-only, ETag, the
/// all-or-nothing of a table transaction) are evaluated exactly as if it ran alone, in queue order,
/// seeing every earlier unit of the batch. A unit that throws is rolled back to its savepoint and fails
/// alone; the others go on.</item>
/// <item>Callers are released only after the COMMIT returned, at the same durability as a lone write
/// (WAL, <c>synchronous=NORMAL</c>: the commit survives a crash of the process; a power loss may lose
/// the last commits, never corrupt the file). Should the commit itself fail (the file stayed locked by
/// another process past the busy timeout, the disk is full), every unit of the batch fails with that
/// error and none is applied.</item>
/// </list>
/// Writes of other processes sharing the file are serialised by SQLite's own locking with a busy
/// timeout. Readers never block the writer and see only committed batches. The write-ahead log is copied
/// back into the file by a <see cref="WalCheckpointer"/> on its own connection, never inside a commit.
/// </summary>
internal sealed class SqliteStore : IDisposable
{
    /// <summary>The schema's version, kept in <c>PRAGMA user_version</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The most units one commit takes; more wait for the next (bounds the time a batch holds the file).</summary>
    public const int MaxBatch = 256;

    /// <summary>The least time between two background checkpoints while writes go on (see <see cref="WalCheckpointer"/>).</summary>
    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromMilliseconds(50);

    private const int BusyTimeoutMilliseconds = 30_000;
    private const int MaxIdleSessions = 16;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS resources(
            kind INTEGER NOT NULL,
            name TEXT NOT NULL,
            created INTEGER NOT NULL,
            PRIMARY KEY(kind, name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS entities(
            tbl TEXT NOT NULL,
            pk TEXT NOT NULL,
            rk TEXT NOT NULL,
            etag TEXT NOT NULL,
            ts INTEGER NOT NULL,
            props BLOB NOT NULL,
            PRIMARY KEY(tbl, pk, rk)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS blobs(
            id INTEGER PRIMARY KEY,
            container TEXT NOT NULL,
            name TEXT NOT NULL,
            length INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            md5 BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            etag TEXT NOT NULL,
            modified INTEGER NOT NULL,
            metadata TEXT NOT NULL,
            content BLOB NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS blobs_by_name ON blobs(container, name);
        CREATE TABLE IF NOT EXISTS messages(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            id TEXT NOT NULL,
            pop TEXT NOT NULL,
            body TEXT NOT NULL,
            dequeues INTEGER NOT NULL,
            inserted INTEGER NOT NULL,
            visible INTEGER NOT NULL,
            expires INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS messages_by_id ON messages(queue, id);
        CREATE INDEX IF NOT EXISTS messages_by_visibility ON messages(queue, visible, seq);
        """;

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly ConcurrentDictionary<(ResourceKind Kind, string Name), bool> _known = new();
    private readonly uint _etagSalt = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
    private int _disposed;
    private long _batchesCommitted;
    private int _etagSequence;

    public SqliteStore(string databasePath, TimeProvider clock)
        : this(databasePath, clock, DefaultCheckpointInterval)
    {
    }

    public SqliteStore(string databasePath, TimeProvider clock, TimeSpan checkpointInterval)
    {
        DatabasePath = databasePath;
        Clock = clock;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false, // the store keeps its own sessions, with their prepared statements
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        Initialize();
        _checkpointer = new WalCheckpointer(OpenCheckpointSession, checkpointInterval);
        _writer = Task.Run(WriteLoopAsync);
    }

    public string DatabasePath { get; }

    public TimeProvider Clock { get; }

    /// <summary>The background checkpoints of the write-ahead log.</summary>
    public WalCheckpointer Checkpointer => _checkpointer;

    /// <summary>Batches committed so far (each one transaction, however many units it held).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batchesCommitted);

    /// <summary>Runs a read on a pooled session, in parallel with other reads and the writer; it sees committed batches only.</summary>
    public T Read<T>(Func<SqliteSession, T> work)
    {
        var session = Rent();
        try
        {
            return work(session);
        }
        catch (SqliteException e)
        {
            session.Healthy = false;
            throw Busy(e) ?? (Exception)e;
        }
        finally
        {
            Return(session);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of the next group commit (see the class doc): atomic (all
    /// its statements or none), applied after every unit queued before it, and answered only once its
    /// batch is committed. A unit that throws is rolled back alone and its caller gets the exception.
    /// Cancellation counts until the writer takes the unit; after that it runs to its end.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken) =>
        WriteAsync(work, singleStatement: false, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{SqliteSession, T}, CancellationToken)"/>; with <paramref name="singleStatement"/>
    /// the work changes data with at most ONE statement (its checks before or after only read), so SQLite's own
    /// statement atomicity undoes it when it fails and the unit runs without a savepoint of its own (two statements
    /// fewer per unit: most writes are single entities).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work, bool singleStatement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var unit = new WriteUnit<T>(work, singleStatement, cancellationToken);
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }

        return unit.Task;
    }

    /// <summary>Throws 404 unless the table, container or queue was created (here or by another process).</summary>
    public void EnsureExists(ResourceKind kind, string key, string displayName)
    {
        if (_known.ContainsKey((kind, key)))
        {
            return;
        }

        var exists = Read(session =>
        {
            var command = session.Command("SELECT 1 FROM resources WHERE kind = $kind AND name = $name");
            command.Set("$kind", (int)kind);
            command.Set("$name", key);
            return command.ExecuteScalar() is not null;
        });
        if (!exists)
        {
            throw EmbeddedErrors.ResourceMissing(kind, displayName);
        }

        _known[(kind, key)] = true;
    }

    /// <summary>Creates the table, container or queue unless it exists. Resources are never deleted, so the answer is cached.</summary>
    public async Task CreateIfNotExistsAsync(ResourceKind kind, string key, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey((kind, key)))
        {
            return;
        }

        var now = Clock.GetUtcNow().UtcTicks;
        await WriteAsync(session =>
        {
            var command = session.Command("INSERT INTO resources(kind, name, created) VALUES($kind, $name, $created) ON CONFLICT DO NOTHING");
            command.Set("$kind", (int)kind);
            command.Set("$name", key);
            command.Set("$created", now);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        _known[(kind, key)] = true;
    }

    /// <summary>
    /// A fresh opaque ETag: the write time, this store's random 32-bit salt and its write counter, so two writes
    /// never share one (not in this process: the counter; not across processes sharing the file: the salt), at the
    /// cost of an increment instead of a call to the system's random source per write.
    /// </summary>
    public string NewETag(DateTimeOffset now, bool weak)
    {
        var sequence = (uint)Interlocked.Increment(ref _etagSequence);
        var value = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{now.UtcTicks:x16}{_etagSalt:x8}{sequence:x8}");
        return weak ? $"W/\"{value}\"" : $"\"0x{value}\"";
    }

    /// <summary>
    /// For an idle process: copies the write-ahead log back and cuts its file to nothing
    /// (<see cref="WalCheckpointer.CheckpointAndTruncate"/>; writes wait meanwhile, 200 ms at the very most),
    /// closes the pooled read sessions beyond <paramref name="keepSessions"/> and has the ones kept free their
    /// page caches (<c>PRAGMA shrink_memory</c>). Sessions in use are not touched (they come back to the pool
    /// as usual), nor is the writer's. Safe at any time; answers how many sessions it closed.
    /// </summary>
    public int ReleaseIdleMemory(int keepSessions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepSessions);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        try
        {
            // The log copied back and its file cut to nothing: the disk space, and the shared-memory index's pages.
            _checkpointer.CheckpointAndTruncate();
        }
        catch (SqliteException)
        {
            // Busy with a write or another process's checkpoint: the background checkpoints go on as usual.
        }

        var kept = new List<SqliteSession>();
        var closed = 0;
        while (_idle.TryTake(out var session))
        {
            if (kept.Count >= keepSessions || Volatile.Read(ref _disposed) == 1)
            {
                session.Dispose();
                closed++;
                continue;
            }

            try
            {
                session.Execute("PRAGMA shrink_memory");
                kept.Add(session);
            }
            catch (SqliteException)
            {
                session.Dispose();
                closed++;
            }
        }

        foreach (var session in kept)
        {
            Return(session);
        }

        return closed;
    }

    /// <summary>The read sessions pooled now (open, not in use).</summary>
    public int IdleSessions => _idle.Count;

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Read(session => (string)session.Command("PRAGMA integrity_check").ExecuteScalar()!);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // The writer finishes the batch in hand and fails what is still queued; sessions still in use by
        // readers are closed when they come back (see Return).
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromMilliseconds(BusyTimeoutMilliseconds + 5_000));
        _checkpointer.Dispose();
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    /// <summary>
    /// The writer loop: waits for units, takes up to <see cref="MaxBatch"/> of them and commits them
    /// together; ends when the store is disposed, closing its connection.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<WriteUnit>(MaxBatch);
        SqliteSession? session = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
                {
                    batch.Add(unit);
                }

                if (Volatile.Read(ref _disposed) == 1)
                {
                    FailAll(batch, new ObjectDisposedException(nameof(SqliteStore)));
                }
                else
                {
                    session ??= OpenWriterSession(batch);
                    if (session is not null)
                    {
                        _checkpointer.CheckpointTailOnWriter(session, BusyTimeoutMilliseconds);
                        Commit(session, batch);
                        if (!session.Healthy)
                        {
                            session.Dispose();
                            session = null;
                        }
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    private SqliteSession? OpenWriterSession(List<WriteUnit> batch)
    {
        try
        {
            // Checkpoints are the checkpointer's; the writer's own stays as a bound should it fall behind.
            return new SqliteSession(_connectionString, BusyTimeoutMilliseconds, $"PRAGMA wal_autocheckpoint={WalCheckpointer.WriterCheckpointPages}; PRAGMA journal_size_limit={WalCheckpointer.JournalSizeLimitBytes};");
        }
        catch (SqliteException e)
        {
            FailAll(batch, e);
            return null;
        }
    }

    /// <summary>
    /// Runs one batch: BEGIN IMMEDIATE, each unit in its savepoint (rolled back alone when it throws),
    /// COMMIT; then answers every caller. Never throws: failures go to the units' tasks.
    /// </summary>
    private void Commit(SqliteSession session, List<WriteUnit> batch)
    {
        try
        {
            session.Execute("BEGIN IMMEDIATE");
            foreach (var unit in batch)
            {
                if (unit.CanceledBeforeStart())
                {
                    continue;
                }

                if (unit.SingleStatement)
                {
                    try
                    {
                        unit.Run(session);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Its one statement undid itself; unless SQLite rolled the whole transaction back.
                        unit.Failed(e is SqliteException sqlite ? Busy(sqlite) ?? e : e);
                        ThrowIfTransactionLost(session, e);
                    }

                    continue;
                }

                session.Execute("SAVEPOINT unit");
                try
                {
                    unit.Run(session);
                    session.Execute("RELEASE unit");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    unit.Failed(e is SqliteException sqlite ? Busy(sqlite) ?? e : e);
                    UndoUnit(session, e);
                }
            }

            session.Execute("COMMIT");
            Interlocked.Increment(ref _batchesCommitted);
            _checkpointer.Committed();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failure no savepoint can undo (the file locked by another process past the busy timeout,
            // I/O, a full disk, SQLite rolling the whole transaction back): nothing of the batch is applied.
            Rollback(session);
            session.Healthy = false;
            FailAll(batch, e);
            return;
        }

        foreach (var unit in batch)
        {
            unit.Complete();
        }
    }

    /// <summary>After a unit threw: undoes that unit only, or rethrows its error when SQLite has already rolled back the whole transaction.</summary>
    private static void UndoUnit(SqliteSession session, Exception cause)
    {
        ThrowIfTransactionLost(session, cause);
        session.Execute("ROLLBACK TO unit");
        session.Execute("RELEASE unit");
    }

    /// <summary>Rethrows <paramref name="cause"/> when SQLite has rolled the whole batch's transaction back (then no unit of it stands).</summary>
    private static void ThrowIfTransactionLost(SqliteSession session, Exception cause)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(session.Connection.Handle) != 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
    }

    /// <summary>Fails every unit of a batch that was not applied (a unit's own earlier failure stands).</summary>
    private static void FailAll(List<WriteUnit> batch, Exception cause)
    {
        var failure = cause is SqliteException e ? Busy(e) ?? cause : cause;
        foreach (var unit in batch)
        {
            unit.Abort(failure);
        }
    }

    private SqliteSession OpenCheckpointSession() =>
        new(_connectionString, BusyTimeoutMilliseconds, $"PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalCheckpointer.JournalSizeLimitBytes};");

    private void Initialize()
    {
        var session = new SqliteSession(_connectionString, BusyTimeoutMilliseconds);
        try
        {
            // WAL is a property of the file: set once, every later connection (of any process) uses it.
            var mode = (string?)session.Command("PRAGMA journal_mode=WAL").ExecuteScalar();
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the embedded store at {DatabasePath} could not switch to WAL (journal_mode is {mode})");
            }

            session.Execute("BEGIN IMMEDIATE");
            try
            {
                var version = Convert.ToInt32(session.Command("PRAGMA user_version").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                {
                    throw new InvalidOperationException($"the embedded store at {DatabasePath} has schema version {version}, newer than this build's {SchemaVersion}");
                }

                session.Command(Schema).ExecuteNonQuery();
                session.Execute($"PRAGMA user_version={SchemaVersion}");
                session.Execute("COMMIT");
            }
            catch
            {
                Rollback(session);
                throw;
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }

        _idle.Add(session);
    }

    private SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _idle.TryTake(out var session) ? session : new SqliteSession(_connectionString, BusyTimeoutMilliseconds);
    }

    private void Return(SqliteSession session)
    {
        if (!session.Healthy || Volatile.Read(ref _disposed) == 1 || _idle.Count >= MaxIdleSessions)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
    }

    /// <summary>The file stayed locked by another process past the busy timeout: Azure's 503 ServerBusy, so callers may retry.</summary>
    private static Azure.RequestFailedException? Busy(SqliteException e) =>
        e.SqliteErrorCode is 5 or 6 // SQLITE_BUSY, SQLITE_LOCKED
            ? new Azure.RequestFailedException(503, $"the embedded store is busy: {e.Message}", "ServerBusy", e)
            : null;

    private static void Rollback(SqliteSession session)
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(session.Connection.Handle) == 0)
            {
                session.Execute("ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            session.Healthy = false;
        }
    }
}
