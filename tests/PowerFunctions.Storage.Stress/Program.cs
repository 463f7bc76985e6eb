using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Stress;

/// <summary>
/// <c>dotnet PowerFunctions.Storage.Stress.dll DATA_PATH TABLE WORKER_ID COUNT</c>: opens the embedded
/// store in DATA_PATH, creates the table and counter unless present and, COUNT times, increments the shared counter with ETag retry and appends one
/// row (in a transaction with a per-worker progress row). Exit code 0 when done.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 4 || !int.TryParse(args[3], out var count))
        {
            await Console.Error.WriteLineAsync("usage: PowerFunctions.Storage.Stress DATA_PATH TABLE WORKER_ID COUNT");
            return 2;
        }

        using var account = new EmbeddedStorageAccount(args[0]);
        var table = account.GetTableClient(args[1]);
        await StressWorker.PrepareAsync(table, CancellationToken.None);
        var result = await StressWorker.RunAsync(table, args[2], count, CancellationToken.None);
        Console.WriteLine($"worker {args[2]}: {count} increments, {result} ETag conflicts retried");
        return 0;
    }
}
