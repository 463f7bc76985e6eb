using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.Storage;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// <c>submit [--count N] [--clients C] [--warmup W] [--rounds R]</c>: starts the app on the embedded
/// store (a temporary data folder) and, beside it in the same process, the <see cref="BareSqliteEndpoint"/>
/// (one durable SQLite insert per request: the machine's practical ceiling). The same C loopback clients
/// then POST the same application body to both, in R alternating rounds (so both see the same machine
/// load), N requests each in all (each application its own Idempotency-Key). Prints for each
/// requests/s, p50/p95/p99 and CPU per request, our rate as a ratio of the ceiling, and checks that
/// every submission was stored exactly once: the case numbers answered are distinct and are exactly
/// the cases in the store.
/// </summary>
public sealed class SubmitLoad : IBenchmarkCommand
{
    public string Name => "submit";

    public string Description => "POST /api/applications on the embedded store vs a bare durable-insert endpoint: rate, ratio, p50/p95/p99, CPU (--count N --clients C --warmup W --rounds R)";

    public async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkApp.Option(args, "--count", 5000);
        var clients = BenchmarkApp.Option(args, "--clients", 32);
        var warmup = BenchmarkApp.Option(args, "--warmup", 2000);
        var rounds = BenchmarkApp.Option(args, "--rounds", 2);

        // --azure CONNECTION_STRING runs the app on Azure Storage (e.g. a fresh Azurite) instead of the embedded store.
        var azureAt = Array.IndexOf(args, "--azure");
        var azure = azureAt >= 0 && azureAt + 1 < args.Length ? args[azureAt + 1] : null;

        await using var app = await BenchmarkApp.StartAsync(azure);
        await using var bare = await BareSqliteEndpoint.StartAsync(Path.Combine(app.DataPath, "bare"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("load-citizen", "张小三", [Roles.Citizen]));

        var body = await ApplicationBodyAsync(app.Services, http);
        var applications = new Uri(app.Address, "/api/applications");
        Console.WriteLine($"item {body.GetProperty("itemCode").GetString()}, {clients} clients, {count} requests each to the app and to the bare endpoint (+{warmup} warm-up each), {rounds} alternating rounds; store {(azure is null ? app.DataPath : "Azure Storage")}");
        Console.WriteLine($"machine load average {BenchmarkApp.LoadAverage()} at the start, {Environment.ProcessorCount} cores");

        await RunAsync(http, bare.Address, body, "warm-bare", warmup, clients);
        var warm = await RunAsync(http, applications, body, "warm", warmup, clients);

        var ours = new Totals();
        var yardstick = new Totals();
        for (var round = 0; round < rounds; round++)
        {
            var share = count / rounds + (round < count % rounds ? 1 : 0);
            yardstick.Add(await RunAsync(http, bare.Address, body, $"bare{round}", share, clients));
            ours.Add(await RunAsync(http, applications, body, $"run{round}", share, clients));
        }

        var loadAtEnd = BenchmarkApp.LoadAverage();
        Console.WriteLine(yardstick.Line("bare durable insert", "request"));
        Console.WriteLine(ours.Line("submit (app, embedded)", "submission"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {ours.Rate / yardstick.Rate:0.00} of the bare endpoint's rate (CPU per request {ours.CpuPerRequest / yardstick.CpuPerRequest:0.0}x); load average {loadAtEnd} at the end"));

        // Exactly once: every 201 named its own case, and the store holds exactly those cases.
        var answered = warm.CaseNumbers.Concat(ours.CaseNumbers).ToList();
        var stored = await StoredCasesAsync(app.Services.GetRequiredService<IStorageAccount>());
        var distinct = answered.ToHashSet(StringComparer.Ordinal);
        var exact = distinct.Count == answered.Count && distinct.SetEquals(stored) && answered.Count == warmup + count;
        Console.WriteLine($"exactly once: {answered.Count} submissions answered {distinct.Count} distinct case numbers; {stored.Count} cases stored; {(exact ? "each stored once" : "MISMATCH")}");
        if (app.Services.GetRequiredService<IStorageAccount>() is PowerFunctions.Storage.Embedded.EmbeddedStorageAccount embedded)
        {
            var wal = embedded.Wal;
            Console.WriteLine($"write-ahead log: {wal.Checkpoints} checkpoints ({wal.WriterCheckpoints} by the writer), {wal.LastLogFrames} pages in the log at the last one");
        }

        var bareRows = bare.RowCount();
        Console.WriteLine($"bare rows stored: {bareRows} (expected {warmup + count})");
        return ours.Failures == 0 && yardstick.Failures == 0 && exact && bareRows == warmup + count ? 0 : 1;
    }

    private static async Task<Phase> RunAsync(HttpClient http, Uri target, JsonElement body, string prefix, int count, int clients)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[clients];
        var caseNumbers = new List<string>[clients];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes(), Collections: GC.CollectionCount(0));
        // Sent as a phone sends it: the serialised body with its Content-Length (not re-serialised and chunked per request).
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = new List<double>(count / clients + 1);
            caseNumbers[c] = new List<string>(count / clients + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } } };
                request.Headers.Add("Idempotency-Key", $"{prefix}-{i}");
                var t = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var answer = await response.Content.ReadAsByteArrayAsync();
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        Console.WriteLine($"  {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
                    }
                }
                else
                {
                    using var json = JsonDocument.Parse(answer);
                    if (json.RootElement.TryGetProperty("caseNo", out var caseNo))
                    {
                        caseNumbers[c].Add(caseNo.GetString()!);
                    }
                }
            }
        }));
        var elapsed = started.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gc = new GcUse(GC.GetTotalPauseDuration() - gcBefore.Pause, GC.GetTotalAllocatedBytes() - gcBefore.Allocated, GC.CollectionCount(0) - gcBefore.Collections);
        return new Phase(count, elapsed, cpu, gc, latencies.SelectMany(l => l).ToList(), failures, caseNumbers.SelectMany(n => n).ToList());
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

    private static async Task<HashSet<string>> StoredCasesAsync(IStorageAccount storage)
    {
        var table = storage.GetTableClient(CaseTables.Cases);
        var cases = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { ContinuationToken = token });
            cases.UnionWith(page.Entities.Where(e => e.RowKey == CaseStore.SnapshotRow).Select(e => e.PartitionKey));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return cases;
    }

    private sealed record Phase(int Count, TimeSpan Elapsed, TimeSpan Cpu, GcUse Gc, List<double> Latencies, int Failures, List<string> CaseNumbers);

    /// <summary>The garbage collector during a phase: time the process was paused, bytes allocated, collections.</summary>
    private sealed record GcUse(TimeSpan Paused, long Allocated, int Collections);

    /// <summary>The rounds of one target added up.</summary>
    private sealed class Totals
    {
        private readonly List<double> _latencies = [];
        private int _count;
        private TimeSpan _elapsed;
        private TimeSpan _cpu;
        private TimeSpan _gcPaused;
        private long _allocated;
        private int _collections;

        public int Failures { get; private set; }

        public List<string> CaseNumbers { get; } = [];

        public double Rate => _count / _elapsed.TotalSeconds;

        public double CpuPerRequest => _cpu.TotalMilliseconds / _count;

        public void Add(Phase phase)
        {
            _count += phase.Count;
            _elapsed += phase.Elapsed;
            _cpu += phase.Cpu;
            _gcPaused += phase.Gc.Paused;
            _allocated += phase.Gc.Allocated;
            _collections += phase.Gc.Collections;
            _latencies.AddRange(phase.Latencies);
            Failures += phase.Failures;
            CaseNumbers.AddRange(phase.CaseNumbers);
        }

        public string Line(string what, string unit)
        {
            _latencies.Sort();
            return string.Create(CultureInfo.InvariantCulture, $"{what}: {_count} in {_elapsed.TotalSeconds:0.00} s = {Rate:0} {unit}s/s; p50 {BenchmarkApp.Percentile(_latencies, 0.50):0.0} ms, p95 {BenchmarkApp.Percentile(_latencies, 0.95):0.0} ms, p99 {BenchmarkApp.Percentile(_latencies, 0.99):0.0} ms, max {_latencies[^1]:0.0} ms; CPU {CpuPerRequest:0.00} ms per {unit} (server and clients, one process); GC paused {100 * _gcPaused / _elapsed:0}% of the time, {_allocated / 1024.0 / _count:0} KB allocated per {unit}, {_collections} collections; failures {Failures}");
        }
    }
}
