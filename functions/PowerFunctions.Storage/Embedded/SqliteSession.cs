using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// One open connection to the store with its prepared commands, kept by the <see cref="SqliteStore"/>
/// between operations so that pragmas run once per connection and every statement is prepared once.
/// Used by one operation at a time.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <param name="connectionString">The store's file and open mode.</param>
    /// <param name="busyTimeoutMilliseconds">How long a statement waits for another connection's lock.</param>
    /// <param name="rolePragmas">Pragmas of this connection's role (the writer's, the checkpointer's), run after the common ones.</param>
    public SqliteSession(string connectionString, int busyTimeoutMilliseconds, string? rolePragmas = null)
    {
        Connection = new SqliteConnection(connectionString);
        try
        {
            Connection.Open();
            using var pragmas = Connection.CreateCommand();
            // temp_store=MEMORY keeps the savepoint and statement journals of a group commit off the disk.
            // secure_delete=FAST zeroes a deleted row's bytes in its page when that costs no extra I/O: a message once
            // taken off a queue (a hotline ticket with the caller's phone) leaves no trace in the file after a checkpoint.
            pragmas.CommandText = $"PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=FAST; {rolePragmas}";
            pragmas.ExecuteNonQuery();
        }
        catch
        {
            Connection.Dispose();
            throw;
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>False once a statement failed in a way that may leave the connection mid-transaction; the store then drops it.</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, ready to bind with <see cref="SqliteCommandExtensions.Set"/>:
    /// its parameters keep their objects between runs (only their values change), and every run of one text
    /// sets all of that text's parameters again.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        return command;
    }

    /// <summary>Runs a statement that takes no parameters.</summary>
    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
