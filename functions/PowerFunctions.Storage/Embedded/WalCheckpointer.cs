using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// Copies the store's write-ahead log back into the database file (a WAL <em>checkpoint</em>) on its own
/// connection and thread, so that the writer never does it inside a commit.
/// <para>
/// By default SQLite checkpoints in the committing connection as soon as the WAL passes 1,000 pages: under
/// load that was dozens of checkpoints a second, each copying pages and syncing the file while every queued
/// write waited (measured: the writer spent a quarter of its time there, and submissions ran at 1,700/s
/// instead of 2,300/s). Here the writer only signals that it committed; this loop then runs a
/// <c>PASSIVE</c> checkpoint (which never blocks the writer nor waits for readers) at most once per
/// <see cref="Interval"/>, and not at all while nothing is written. The writer keeps SQLite's own
/// automatic checkpoint only as a safety valve at <see cref="WriterCheckpointPages"/>, should this loop
/// fall that far behind.
/// </para>
/// <para>
/// A checkpoint copies the log but cannot rewind it while the writer keeps appending: SQLite starts the log
/// over only when a transaction begins with every frame copied, and under steady load the background is always
/// a few commits behind. So when a background checkpoint found the log past <see cref="RestartAtFrames"/> and
/// copied all of it, the writer copies the short tail committed since then itself, between two batches
/// (<see cref="CheckpointTailOnWriter"/>): its next transaction then starts the log over.
/// </para>
/// Durability is unchanged: a commit is in the WAL when its caller is answered, checkpointed or not.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>The writer's own automatic checkpoint, kept only as a bound on the WAL (pages of 4 KiB: 64 MiB).</summary>
    public const int WriterCheckpointPages = 16_384;

    /// <summary>After a checkpoint, the WAL file is cut back to this size when it is next reset (bytes).</summary>
    public const long JournalSizeLimitBytes = 16L * 1024 * 1024;

    /// <summary>The log's length (pages) from which the writer copies the tail itself so the log can start over (16 MiB).</summary>
    public const int RestartAtFrames = 4_096;

    /// <summary>How long the writer's tail checkpoint waits for readers of older snapshots to finish.</summary>
    public const int RestartWaitMilliseconds = 1;

    private const int TruncateAttempts = 10;
    private const int TruncateWaitMilliseconds = 20;
    private const int SqliteCheckpointPassive = 0;
    private const int SqliteCheckpointRestart = 2;
    private const int SqliteCheckpointTruncate = 3;

    private readonly Func<SqliteSession> _open;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _checkpoints;
    private int _lastLogFrames;
    private int _lastCopied;
    private int _restartWanted;
    private long _writerCheckpoints;

    /// <param name="open">Opens the connection the checkpoints run on (its own, never the writer's or a reader's).</param>
    /// <param name="interval">The least time between two checkpoints while writes go on.</param>
    public WalCheckpointer(Func<SqliteSession> open, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _open = open;
        Interval = interval;
        _loop = Task.Run(LoopAsync);
    }

    public TimeSpan Interval { get; }

    /// <summary>Checkpoints run so far (each one pass over the WAL, however much it found to copy).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>The WAL's length in frames (pages) at the last checkpoint: how far the log had grown since its last reset.</summary>
    public int LastLogFrames => Volatile.Read(ref _lastLogFrames);

    /// <summary>True when the last checkpoint copied the whole log (the database file held every commit).</summary>
    public bool CaughtUp => Volatile.Read(ref _lastLogFrames) == Volatile.Read(ref _lastCopied);

    /// <summary>Tail checkpoints the writer ran so its log could start over.</summary>
    public long WriterCheckpoints => Interlocked.Read(ref _writerCheckpoints);

    /// <summary>Called by the writer after each commit: a checkpoint is due at the next opportunity. Never blocks.</summary>
    public void Committed() => _signal.Writer.TryWrite(true);

    /// <summary>
    /// Called by the writer between two batches, on its own connection (no transaction open). When the
    /// background's last checkpoint found the log past <see cref="RestartAtFrames"/> and copied all of it, the
    /// writer copies the short tail committed since (a <c>RESTART</c> checkpoint, waiting at most
    /// <see cref="RestartWaitMilliseconds"/> for readers of older snapshots), so that its next transaction starts
    /// the log over. Otherwise does nothing.
    /// </summary>
    public void CheckpointTailOnWriter(SqliteSession writer, int writerBusyTimeoutMilliseconds)
    {
        if (Interlocked.Exchange(ref _restartWanted, 0) == 0)
        {
            return;
        }

        Interlocked.Increment(ref _writerCheckpoints);
        var handle = writer.Connection.Handle;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, RestartWaitMilliseconds);
        try
        {
            Run(writer, SqliteCheckpointRestart, out _);
        }
        catch (SqliteException)
        {
            // An I/O error: the commit that follows meets it too and fails as it would have anyway.
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, writerBusyTimeoutMilliseconds);
        }
    }

    /// <summary>
    /// Checkpoints now, on the caller's thread, and truncates the WAL file to nothing when no reader holds
    /// it (for an idle process: the disk space back). Waits up to 20 ms at a time for readers, a writer or the
    /// background's checkpoint (holding writes back meanwhile), ten times at most; answers whether the log was cut.
    /// </summary>
    public bool CheckpointAndTruncate()
    {
        using var session = _open();
        SQLitePCL.raw.sqlite3_busy_timeout(session.Connection.Handle, TruncateWaitMilliseconds);
        for (var attempt = 1; ; attempt++)
        {
            // SQLite does not wait for the checkpoint lock: the background's checkpoint may hold it a moment.
            var copied = Run(session, SqliteCheckpointTruncate, out var logFrames);
            if (copied || attempt == TruncateAttempts)
            {
                return copied && logFrames == 0;
            }

            Thread.Sleep(TruncateWaitMilliseconds);
        }
    }

    public void Dispose()
    {
        _signal.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        SqliteSession? session = null;
        try
        {
            while (await _signal.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                try
                {
                    session ??= _open();
                    if (Run(session, SqliteCheckpointPassive, out var logFrames) && logFrames >= RestartAtFrames)
                    {
                        Volatile.Write(ref _restartWanted, 1);
                    }
                }
                catch (SqliteException)
                {
                    // The connection broke (I/O): a new one for the next checkpoint; the writer's own bounds the
                    // WAL meanwhile.
                    session?.Dispose();
                    session = null;
                }

                try
                {
                    await Task.Delay(Interval, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>One checkpoint in <paramref name="mode"/>: answers whether it copied the whole log, and the log's length it found.</summary>
    private bool Run(SqliteSession session, int mode, out int logFrames)
    {
        var rc = SQLitePCL.raw.sqlite3_wal_checkpoint_v2(session.Connection.Handle, null, mode, out logFrames, out var copied);
        if (rc == SQLitePCL.raw.SQLITE_BUSY)
        {
            return false; // another connection holds the checkpoint (or, waiting, a reader or writer did not let go)
        }

        SqliteException.ThrowExceptionForRC(rc, session.Connection.Handle);
        Volatile.Write(ref _lastLogFrames, logFrames);
        Volatile.Write(ref _lastCopied, copied);
        Interlocked.Increment(ref _checkpoints);
        return logFrames == copied;
    }
}
