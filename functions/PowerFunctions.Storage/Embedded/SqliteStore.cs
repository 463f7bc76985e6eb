using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// The SQLite file behind an <see cref="EmbeddedStorageAccount"/>: schema, a pool of open sessions,
/// and the write discipline. Writes of this process go one at a time through a gate (so threads never
/// spin on SQLite's busy handler against each other); writes of other processes sharing the file are
/// serialised by SQLite's own locking with a busy timeout. The journal is WAL with
/// <c>synchronous=NORMAL</c>: readers never block the writer, and a commit survives a crash of the
/// process (a power loss may lose the last commits, never corrupt the file).
/// </summary>
internal sealed class SqliteStore : IDisposable
{
    /// <summary>The schema's version, kept in <c>PRAGMA user_version</c>.</summary>
    public const int SchemaVersion = 1;

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
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<(ResourceKind Kind, string Name), bool> _known = new();
    private int _disposed;

    public SqliteStore(string databasePath, TimeProvider clock)
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
    }

    public string DatabasePath { get; }

    public TimeProvider Clock { get; }

    /// <summary>Runs a read (or a single self-contained statement) on a pooled session.</summary>
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

    /// <summary>Runs a write under this process's write gate, in autocommit (single statements are atomic by themselves).</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Read(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> TransactionAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = Rent();
            try
            {
                T result;
                try
                {
                    session.Execute("BEGIN IMMEDIATE");
                    result = work(session);
                    session.Execute("COMMIT");
                }
                catch (SqliteException e) when (Busy(e) is { } busy)
                {
                    Rollback(session);
                    throw busy;
                }
                catch
                {
                    Rollback(session);
                    throw;
                }

                return result;
            }
            finally
            {
                Return(session);
            }
        }
        finally
        {
            _writeGate.Release();
        }
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
            command.Parameters.AddWithValue("$kind", (int)kind);
            command.Parameters.AddWithValue("$name", key);
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
            command.Parameters.AddWithValue("$kind", (int)kind);
            command.Parameters.AddWithValue("$name", key);
            command.Parameters.AddWithValue("$created", now);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        _known[(kind, key)] = true;
    }

    /// <summary>A fresh opaque ETag: the write time and 64 random bits, so two writes never share one.</summary>
    public static string NewETag(DateTimeOffset now, bool weak)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var value = $"{now.UtcTicks:x16}{Convert.ToHexStringLower(random)}";
        return weak ? $"W/\"{value}\"" : $"\"0x{value}\"";
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Read(session => (string)session.Command("PRAGMA integrity_check").ExecuteScalar()!);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Sessions still in use are closed when they come back (see Return); the gate stays usable
        // for writes already past it.
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

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
