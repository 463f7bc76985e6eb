using Microsoft.Data.Sqlite;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.Support;

/// <summary>
/// Everything the embedded store holds, read from its SQLite file: one line per table row (table, keys,
/// ETag), blob (container, name, ETag) and queue message (queue, id). Two snapshots are equal exactly
/// when nothing was added, removed or changed — but for the sweep's cursor (the timer bookmark row), which
/// any scheduling may lower and every sweep moves: only its presence counts.
/// </summary>
public static class StoredRows
{
    public static IReadOnlyList<string> Of(TestApp app)
    {
        var path = Path.Combine(app.DataPath, EmbeddedStorageAccount.DatabaseFileName);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var rows = new List<string>();
        Read(connection, "SELECT 'entity ' || tbl || '/' || pk || '/' || rk || CASE WHEN pk = 'bookmark' THEN '' ELSE ' ' || etag END FROM entities", rows);
        Read(connection, "SELECT 'blob ' || container || '/' || name || ' ' || etag FROM blobs", rows);
        Read(connection, "SELECT 'message ' || queue || '/' || id FROM messages", rows);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>What differs between two snapshots: <c>+ row</c> for added or changed, <c>- row</c> for removed or changed.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. after.Except(before, StringComparer.Ordinal).Select(r => "+ " + r), .. before.Except(after, StringComparer.Ordinal).Select(r => "- " + r)];

    private static void Read(SqliteConnection connection, string sql, List<string> rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
    }
}
