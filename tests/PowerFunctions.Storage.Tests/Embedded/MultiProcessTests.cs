using System.Diagnostics;
using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Stress;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>
/// Two worker processes and this test process share one data folder: each increments one counter
/// with ETag retry and appends rows in transactions, with one writer or with several concurrent ones
/// (whose writes then share group commits while the processes contend for the file). Nothing may be
/// lost or corrupted.
/// </summary>
public sealed class MultiProcessTests : IDisposable
{
    private const int PerWorker = 150;
    private readonly string _dataPath = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_dataPath);

    [Fact]
    public Task TwoProcessesAndThisOne_SharingOneFolder_LoseNoIncrementAndNoRow() => RunAsync(writers: 1, PerWorker);

    [Fact]
    public Task TwoProcessesAndThisOne_EightConcurrentWritersEach_LoseNoIncrementAndNoRow() => RunAsync(writers: 8, perWriter: 20);

    /// <summary>
    /// A process crash (SIGKILL) while eight writers append, after the write-ahead log has started over at least once
    /// (background checkpoints, the writer's tail checkpoint): every write that was acknowledged is in the file, and
    /// the file is sound. The durability the embedded store promises, across its checkpoints.
    /// </summary>
    [Fact]
    public async Task KilledWhileWriting_AfterTheLogStartedOver_EveryAcknowledgedRowIsThere()
    {
        var acknowledged = new HashSet<int>();
        var restarts = 0L;
        using (var worker = Start(["crash", _dataPath, "Crash"]))
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
                while (acknowledged.Count < 12_000 || restarts == 0)
                {
                    var line = await worker.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException($"the worker ended: {await worker.StandardError.ReadToEndAsync(timeout.Token)}");
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        acknowledged.Add(int.Parse(line.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (line.StartsWith("wal ", StringComparison.Ordinal))
                    {
                        restarts = long.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }

        using var account = new EmbeddedStorageAccount(_dataPath);
        Assert.Equal("ok", account.CheckIntegrity());
        var table = account.GetTableClient("Crash");
        var stored = (await TableRows.AllAsync(table, TableQuery.Partition("rows")))
            .Select(e => int.Parse(e.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

        Assert.True(restarts > 0);
        Assert.Empty(acknowledged.Except(stored));
    }

    private async Task RunAsync(int writers, int perWriter)
    {
        const string tableName = "Shared";
        using var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient(tableName);
        await StressWorker.PrepareAsync(table, CancellationToken.None);

        var workers = new[] { "w1", "w2" }.Select(id => StartWorker(tableName, id, perWriter, writers)).ToList();
        try
        {
            if (writers == 1)
            {
                await StressWorker.RunAsync(table, "w0", perWriter, CancellationToken.None);
            }
            else
            {
                await StressWorker.RunConcurrentAsync(table, "w0", perWriter, writers, CancellationToken.None);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            foreach (var worker in workers)
            {
                await worker.WaitForExitAsync(timeout.Token);
                var output = await worker.StandardOutput.ReadToEndAsync(timeout.Token) + await worker.StandardError.ReadToEndAsync(timeout.Token);
                Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {output}");
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }

        var counter = await table.GetEntityAsync(StressWorker.CounterPartition, StressWorker.CounterRow);
        Assert.Equal(3 * writers * perWriter, counter!.GetInt64("Value"));
        var rows = await TableRows.AllAsync(table, TableQuery.Partition(StressWorker.RowsPartition));

        var workerIds = new[] { "w0", "w1", "w2" }
            .SelectMany(w => writers == 1 ? [w] : Enumerable.Range(0, writers).Select(k => StressWorker.WriterId(w, k)))
            .ToList();
        var expected = workerIds
            .SelectMany(w => Enumerable.Range(0, perWriter).Select(i => $"{w}-{i:D6}"))
            .Concat(workerIds.Select(w => $"~progress-{w}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Select(r => r.RowKey));
        Assert.All(rows.Where(r => r.RowKey.StartsWith('~')), r => Assert.Equal(perWriter, r.GetInt32("Done")));
        Assert.Equal("ok", account.CheckIntegrity());
    }

    private Process StartWorker(string tableName, string workerId, int perWriter, int writers) =>
        Start([_dataPath, tableName, workerId, perWriter.ToString(System.Globalization.CultureInfo.InvariantCulture), writers.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(StressDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the stress worker");
    }

    /// <summary>The worker is built beside this project (same configuration and framework) by the project reference.</summary>
    private static string StressDll()
    {
        var testsOutput = AppContext.BaseDirectory;
        var marker = $"{Path.DirectorySeparatorChar}PowerFunctions.Storage.Tests{Path.DirectorySeparatorChar}";
        var at = testsOutput.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"cannot locate the stress worker from {testsOutput}");
        var dll = Path.Combine(
            testsOutput[..at],
            "PowerFunctions.Storage.Stress",
            testsOutput[(at + marker.Length)..],
            "PowerFunctions.Storage.Stress.dll");
        Assert.True(File.Exists(dll), $"the stress worker is not built at {dll}");
        return dll;
    }
}
