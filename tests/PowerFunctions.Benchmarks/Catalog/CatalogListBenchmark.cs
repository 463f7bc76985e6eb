using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Hosting;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Benchmarks.Catalog;

/// <summary>
/// <c>catalog [--items 1000] [--requests 2000]</c>: starts the real app on loopback over a temporary
/// embedded store holding N published items and measures <c>GET /api/catalog/items</c> over real
/// HTTP (warm-up first), plus a filtered query, a cold read after a write, and the start-up time of
/// the app with the sample catalog seeded into an empty store. Target: p99 &lt; 50 ms at 1,000 items.
/// </summary>
public sealed class CatalogListBenchmark : IBenchmarkCommand
{
    public string Name => "catalog";

    public string Description => "GET /api/catalog/items latency over HTTP with 1,000 published items (p50/p95/p99), and start-up with the sample seed";

    public async Task<int> RunAsync(string[] args)
    {
        var itemCount = Option(args, "--items", 1000);
        var requests = Option(args, "--requests", 2000);

        var (seedStart, seedCpu) = await MeasureSeededStartAsync();
        Console.WriteLine($"start-up with the sample catalog seeded into an empty store: {seedStart.TotalMilliseconds:0} ms wall, {seedCpu.TotalMilliseconds:0} ms CPU (Build + start-up tasks + listening, cold JIT)");

        var dataPath = Path.Combine(Path.GetTempPath(), "pf-bench-catalog-" + Guid.NewGuid().ToString("N"));
        var app = PowerFunctionsHost.Build(Settings(dataPath, seed: false));
        try
        {
            await PowerFunctionsHost.StartAsync(app);
            var store = app.Services.GetRequiredService<CatalogStore>();
            var import = Stopwatch.StartNew();
            await store.ImportAsync(Items(itemCount), CancellationToken.None);
            Console.WriteLine($"imported {itemCount} published items in {import.ElapsedMilliseconds} ms");

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(address) };

            store.Invalidate();
            var coldCpu = CpuTime();
            var cold = Stopwatch.StartNew();
            var body = await client.GetStringAsync("/api/catalog/items");
            cold.Stop();
            coldCpu = CpuTime() - coldCpu;
            using (var json = JsonDocument.Parse(body))
            {
                Console.WriteLine($"list answers {json.RootElement.GetArrayLength()} items, {body.Length / 1024.0:0} KiB; first read with an empty cache (partition scan + cache fill): {cold.Elapsed.TotalMilliseconds:0.0} ms wall, {coldCpu.TotalMilliseconds:0} ms CPU");
            }

            for (var i = 0; i < Math.Min(500, requests); i++)
            {
                await GetAsync(client, "/api/catalog/items");
            }

            Report($"GET /api/catalog/items ({itemCount} items)", await MeasureAsync(client, "/api/catalog/items", requests));
            Report("GET /api/catalog/items?kind=licensing&q=许可", await MeasureAsync(client, "/api/catalog/items?kind=licensing&q=" + Uri.EscapeDataString("许可"), Math.Max(1, requests / 4)));
            Report("GET /api/catalog/items/{code}", await MeasureAsync(client, "/api/catalog/items/BENCH-00500", Math.Max(1, requests / 4)));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(dataPath);
        }

        return 0;
    }

    private static TimeSpan CpuTime() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureSeededStartAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-bench-seed-" + Guid.NewGuid().ToString("N"));
        var cpu = CpuTime();
        var started = Stopwatch.GetTimestamp();
        var app = PowerFunctionsHost.Build(Settings(dataPath, seed: true));
        await PowerFunctionsHost.StartAsync(app);
        var elapsed = (Stopwatch.GetElapsedTime(started), CpuTime() - cpu);
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(dataPath);
        return elapsed;
    }

    private static string[] Settings(string dataPath, bool seed) =>
    [
        "--urls=http://127.0.0.1:0",
        "--environment=Development",
        "--Storage:Provider=Embedded",
        $"--Storage:DataPath={dataPath}",
        $"--Seed:Catalog={(seed ? "true" : "false")}",
        "--Logging:LogLevel:Default=Warning",
        "--Http:RateLimits:PublicPerClientPerMinute=100000000", // one client at full speed: measure throughput, not the limits
    ];

    /// <summary>N published items: the sample catalog's items, repeated under new codes.</summary>
    private static List<PowerItem> Items(int count)
    {
        var now = new DateTimeOffset(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));
        var samples = CatalogSeedStartupTask.SampleItems(now);
        return Enumerable.Range(1, count)
            .Select(i =>
            {
                var sample = samples[i % samples.Count];
                return sample with { Code = $"BENCH-{i:D5}", Name = $"{sample.Name}（{i}）" };
            })
            .ToList();
    }

    private static async Task<double[]> MeasureAsync(HttpClient client, string url, int requests)
    {
        var samples = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, url);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static void Report(string what, double[] sorted)
    {
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: n={sorted.Length} p50={P(0.50):0.00} ms p95={P(0.95):0.00} ms p99={P(0.99):0.00} ms max={sorted[^1]:0.00} ms"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
