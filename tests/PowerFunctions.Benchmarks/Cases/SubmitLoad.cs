using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// <c>submit [--count N] [--clients C]</c>: starts the app on the embedded store (a temporary data
/// folder), then C concurrent clients POST N applications (each its own Idempotency-Key) over
/// loopback; prints submissions/s, p50/p99 latency, and checks that exactly N cases were stored.
/// </summary>
public sealed class SubmitLoad : IBenchmarkCommand
{
    public string Name => "submit";

    public string Description => "POST /api/applications load on the embedded store: submissions/s, p50/p99 (--count N --clients C)";

    public async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 5000);
        var clients = Option(args, "--clients", 32);

        // --azure CONNECTION_STRING runs on Azure Storage (e.g. a fresh Azurite) instead of the embedded store.
        var azureAt = Array.IndexOf(args, "--azure");
        var azure = azureAt >= 0 && azureAt + 1 < args.Length ? args[azureAt + 1] : null;
        var warmup = Math.Min(500, count / 5 + 1);
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-submit-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["Storage:Provider"] = azure is null ? "Embedded" : "AzureStorage",
            ["Storage:DataPath"] = dataPath,
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = "2026-09-18T09:30:00+08:00",
            ["Auth:SigningKey"] = "benchmark-signing-key-0123456789abcdef0123",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (azure is not null)
        {
            settings["Storage:ConnectionString"] = azure;
        }

        var app = PowerFunctionsHost.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await PowerFunctionsHost.StartAsync(app);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address };
            var token = app.Services.GetRequiredService<TokenService>().Issue("load-citizen", "张小三", [Roles.Citizen], null, TimeSpan.FromHours(2));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var body = await ApplicationBodyAsync(app.Services, http);
            Console.WriteLine($"item {body.GetProperty("itemCode").GetString()}, {clients} clients, {count} submissions (+{warmup} warm-up), store {(azure is null ? dataPath : "Azure Storage")}");

            await RunAsync(http, body, "warm", warmup, clients);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (elapsed, latencies, failures) = await RunAsync(http, body, "run", count, clients);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            latencies.Sort();
            var rate = count / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"submit: {count} in {elapsed.TotalSeconds:0.00} s = {rate:0} submissions/s; p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; failures {failures}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu: {cpu.TotalMilliseconds / count:0.00} ms per submission (server and clients, one process); machine load average {LoadAverage()}, {Environment.ProcessorCount} cores"));
            var stored = await CountCasesAsync(app.Services.GetRequiredService<IStorageAccount>());
            Console.WriteLine($"cases stored: {stored} (expected {count + warmup})");
            return failures == 0 && stored == count + warmup ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, List<double> Latencies, int Failures)> RunAsync(HttpClient http, JsonElement body, string prefix, int count, int clients)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[clients];
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = new List<double>(count / clients + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", $"{prefix}-{i}");
                var t = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        Console.WriteLine($"  {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }));
        return (started.Elapsed, latencies.SelectMany(l => l).ToList(), failures);
    }

    /// <summary>An application for the first published promised item of the sample catalog, with every required material.</summary>
    private static async Task<JsonElement> ApplicationBodyAsync(IServiceProvider services, HttpClient http)
    {
        var items = await http.GetFromJsonAsync<JsonElement>("/api/catalog/items");
        var lookup = services.GetRequiredService<ICatalogLookup>();
        foreach (var item in items.EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!;
            var found = await lookup.LookupAsync(code, CancellationToken.None);
            if (found.Terms is { Immediate: false } terms)
            {
                return JsonSerializer.SerializeToElement(new
                {
                    itemCode = code,
                    applicant = new { name = "张小三", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                    materials = terms.Materials.Where(m => m.Required).Select(m => new { code = m.Code, name = m.Name }),
                    form = new { address = "郑州市金水区花园路 1 号" },
                });
            }
        }

        throw new InvalidOperationException("the catalog has no published promised item to apply for");
    }

    private static async Task<int> CountCasesAsync(IStorageAccount storage)
    {
        var table = storage.GetTableClient(CaseTables.Cases);
        var count = 0;
        string? token = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { ContinuationToken = token });
            count += page.Entities.Count(e => e.RowKey == CaseStore.SnapshotRow);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
