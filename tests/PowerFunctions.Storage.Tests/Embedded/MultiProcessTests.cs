using System.Diagnostics;
using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Stress;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>
/// Two worker processes and this test process share one data folder: each increments one counter
/// with ETag retry and appends rows in transactions. Nothing may be lost or corrupted.
/// </summary>
public sealed class MultiProcessTests : IDisposable
{
    private const int PerWorker = 150;
    private readonly string _dataPath = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_dataPath);

    [Fact]
    public async Task TwoProcessesAndThisOne_SharingOneFolder_LoseNoIncrementAndNoRow()
    {
        const string tableName = "Shared";
        using var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient(tableName);
        await StressWorker.PrepareAsync(table, CancellationToken.None);

        var workers = new[] { "w1", "w2" }.Select(id => StartWorker(tableName, id)).ToList();
        try
        {
            await StressWorker.RunAsync(table, "w0", PerWorker, CancellationToken.None);
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
        Assert.Equal(3 * PerWorker, counter!.GetInt64("Value"));
        var rows = new List<TableEntity>();
        var query = TableQuery.Partition(StressWorker.RowsPartition);
        while (true)
        {
            var page = await table.QueryAsync(query);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        var expected = new[] { "w0", "w1", "w2" }
            .SelectMany(w => Enumerable.Range(0, PerWorker).Select(i => $"{w}-{i:D6}"))
            .Concat(["~progress-w0", "~progress-w1", "~progress-w2"])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Select(r => r.RowKey));
        Assert.All(rows.Where(r => r.RowKey.StartsWith('~')), r => Assert.Equal(PerWorker, r.GetInt32("Done")));
        Assert.Equal("ok", account.CheckIntegrity());
    }

    private Process StartWorker(string tableName, string workerId)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { StressDll(), _dataPath, tableName, workerId, PerWorker.ToString(System.Globalization.CultureInfo.InvariantCulture) })
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
