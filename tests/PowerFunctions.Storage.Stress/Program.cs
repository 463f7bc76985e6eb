using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Stress;

/// <summary>
/// <c>dotnet PowerFunctions.Storage.Stress.dll DATA_PATH TABLE WORKER_ID COUNT [WRITERS]</c>: opens the
/// embedded store in DATA_PATH, creates the table and counter unless present and, COUNT times, increments
/// the shared counter with ETag retry and appends one row (in a transaction with a per-worker progress
/// row). With WRITERS &gt; 1, that many concurrent writers do so, each as worker <c>{WORKER_ID}.{k}</c>
/// (so their writes share group commits). Exit code 0 when done.
/// <para>
/// <c>... crash DATA_PATH TABLE</c>: eight writers append 3 KB rows <c>r{n}</c> without end, printing <c>ack n</c> once each
/// write has returned, and every 500 acknowledgements <c>wal CHECKPOINTS WRITER_CHECKPOINTS</c>; for a test that kills
/// the process at some point and then checks that every acknowledged row is there.
/// </para>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["crash", var dataPath, var tableName])
        {
            return await CrashLoopAsync(dataPath, tableName);
        }

        var writers = 1;
        if (args.Length is < 4 or > 5 || !int.TryParse(args[3], out var count) || (args.Length == 5 && !int.TryParse(args[4], out writers)))
        {
            await Console.Error.WriteLineAsync("usage: PowerFunctions.Storage.Stress DATA_PATH TABLE WORKER_ID COUNT [WRITERS]");
            return 2;
        }

        using var account = new EmbeddedStorageAccount(args[0]);
        var table = account.GetTableClient(args[1]);
        await StressWorker.PrepareAsync(table, CancellationToken.None);
        var result = writers > 1
            ? await StressWorker.RunConcurrentAsync(table, args[2], count, writers, CancellationToken.None)
            : await StressWorker.RunAsync(table, args[2], count, CancellationToken.None);
        Console.WriteLine($"worker {args[2]}: {writers} x {count} increments, {result} ETag conflicts retried");
        return 0;
    }

    private static async Task<int> CrashLoopAsync(string dataPath, string tableName)
    {
        using var account = new EmbeddedStorageAccount(dataPath);
        var table = account.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var body = new string('x', 3_000);
        var next = -1;
        var acknowledged = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                await table.AddEntityAsync(new TableEntity("rows", $"r{n:D8}") { ["Body"] = body });
                Console.WriteLine($"ack {n}");
                if (Interlocked.Increment(ref acknowledged) % 500 == 0)
                {
                    var wal = account.Wal;
                    Console.WriteLine($"wal {wal.Checkpoints} {wal.WriterCheckpoints}");
                }
            }
        }));
        return 0;
    }
}
