using System.Text;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.Support;

/// <summary>The embedded store's files as bytes on disk, for the tests that look for personal data at rest.</summary>
internal static class DataFiles
{
    /// <summary>Fails naming the value and the file when any of <paramref name="secrets"/> is in any file under <paramref name="dataPath"/> (the database and its WAL among them).</summary>
    public static async Task AssertAbsentAsync(string dataPath, params string[] secrets)
    {
        var files = Directory.GetFiles(dataPath, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(EmbeddedStorageAccount.DatabaseFileName, StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var secret in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} in {Path.GetFileName(file)}");
            }
        }
    }

    /// <summary>A file's bytes while the app still has it open (the SQLite database and its WAL).</summary>
    public static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Copies the write-ahead log of the store in <paramref name="dataPath"/> into its file and cuts it (retried while the store's own checkpointer holds the log a moment).</summary>
    public static async Task TruncateLogAsync(string dataPath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataPath, EmbeddedStorageAccount.DatabaseFileName)};Pooling=False");
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await using var result = await checkpoint.ExecuteReaderAsync();
                Assert.True(await result.ReadAsync());
                if (result.GetInt64(0) == 0)
                {
                    return;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("the log could not be checkpointed");
    }
}
