using System.Diagnostics;
using System.Globalization;
using PowerFunctions.Storage;
using PowerFunctions.Storage.AzureStorage;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Benchmarks.Storage;

/// <summary>
/// <c>storage [N] [--azure CONNECTION_STRING]</c>: throughput of the embedded store in a temporary
/// folder (or of the Azure adapter on the account given, e.g. a fresh Azurite): single-entity inserts,
/// point reads, ETag-checked updates, 5-action transactions, and "submissions" (a read, a create-only
/// insert and a 3-action transaction, as an application intake does) from 8 concurrent callers.
/// </summary>
public sealed class StorageBenchmark : IBenchmarkCommand
{
    public string Name => "storage";

    public string Description => "store throughput: inserts, reads, updates, transactions, submissions [N] [--azure CONNECTION_STRING]";

    public async Task<int> RunAsync(string[] args)
    {
        var azureAt = Array.IndexOf(args, "--azure");
        var azure = azureAt >= 0 && azureAt + 1 < args.Length ? args[azureAt + 1] : null;
        var positional = azureAt >= 0 ? args.Where((_, i) => i != azureAt && i != azureAt + 1).ToArray() : args;
        var n = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : (azure is null ? 10_000 : 2_000);
        var folder = Path.Combine(Path.GetTempPath(), "pf-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var embedded = azure is null ? new EmbeddedStorageAccount(folder) : null;
            IStorageAccount account = embedded ?? (IStorageAccount)AzureStorageAccount.FromConnectionString(azure!);
            Console.WriteLine($"storage benchmark: {account.Provider}, {n:N0} operations, {Environment.ProcessorCount} cores");
            var table = account.GetTableClient("Bench");
            await table.CreateIfNotExistsAsync();

            // Warm up (JIT, page cache, prepared statements) before measuring.
            for (var i = 0; i < 500; i++)
            {
                await table.AddEntityAsync(Sample("warm", $"r{i:D8}", i));
                _ = await table.GetEntityAsync("warm", $"r{i:D8}");
            }

            await Measure("insert (AddEntity, sequential)", n, async i =>
                await table.AddEntityAsync(Sample("insert", $"r{i:D8}", i)));
            await Measure("point read (GetEntity)", n, async i =>
                _ = await table.GetEntityAsync("insert", $"r{i % n:D8}"));

            var etag = await table.AddEntityAsync(Sample("update", "counter", 0));
            await Measure("ETag update (UpdateEntity)", n, async i =>
                etag = await table.UpdateEntityAsync(Sample("update", "counter", i), etag));

            var transactions = Math.Max(1, n / 5);
            await Measure("transaction of 5 actions", transactions, async i =>
                await table.SubmitTransactionAsync(Enumerable.Range(0, 5)
                    .Select(k => new TableTransactionAction(TableTransactionActionType.Add, Sample($"tx{i % 50}", $"r{i:D8}-{k}", k)))
                    .ToList()));

            await Measure("submission (read + add + 3-action transaction), 8 callers", n, async i =>
            {
                _ = await table.GetEntityAsync("insert", $"r{i % n:D8}");
                await table.AddEntityAsync(Sample("idempotency", $"k{i:D8}", i));
                var partition = $"case{i:D8}";
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, Sample(partition, "case", i)),
                    new TableTransactionAction(TableTransactionActionType.Add, Sample(partition, "event-0001", i)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Sample(partition, "deadline", i)),
                ]);
            }, callers: 8);

            var queue = account.GetQueueClient("bench");
            await queue.CreateIfNotExistsAsync();
            await Measure("queue send", n, async i => await queue.SendMessageAsync($"message {i}"));
            await Measure("queue receive + delete (batches of 32)", n / 32, async _ =>
            {
                foreach (var message in await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5)))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            });

            if (embedded is not null)
            {
                Console.WriteLine($"database: {new FileInfo(embedded.DatabasePath).Length / 1024} KiB, integrity {embedded.CheckIntegrity()}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return 0;
    }

    private static TableEntity Sample(string partitionKey, string rowKey, long value) => new(partitionKey, rowKey)
    {
        ["Value"] = value,
        ["Title"] = "建设工程规划许可证核发",
        ["Applicant"] = "杭州某某科技有限公司",
        ["When"] = new DateTimeOffset(2026, 9, 18, 1, 30, 0, TimeSpan.Zero),
        ["Accepted"] = true,
    };

    private static async Task Measure(string name, int count, Func<int, Task> operation, int callers = 1)
    {
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        })));
        stopwatch.Stop();

        // this process's CPU per operation (the adapter's own cost; a server such as Azurite runs apart): steadier than time on a loaded machine
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var perSecond = count / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-62} {count,8} in {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms  {perSecond,10:F0}/s  {stopwatch.Elapsed.TotalMilliseconds * 1000 / count,8:F1} µs each  cpu {cpu.TotalMilliseconds * 1000 / count,8:F1} µs each");
    }
}
