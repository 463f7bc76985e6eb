using System.Diagnostics;
using System.Globalization;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Supervision.Counters;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Benchmarks.Supervision;

/// <summary>
/// <c>counters [--events N] [--clients C]</c>: the supervision counters on the embedded store in a temporary folder, as
/// the submit path drives them: <c>C</c> concurrent callers (default 32) each record one event at a time (a received
/// application of department D01 today, one <see cref="CounterStore.RecordAsync"/> per event) until <c>N</c> events
/// (default 20,000) are recorded. Prints events/s and the p50/p99 of one call and how many calls gave up, then checks
/// the stored total equals the events recorded (exactly once per event).
/// </summary>
public sealed class CounterBenchmark : IBenchmarkCommand
{
    public string Name => "counters";

    public string Description => "supervision counters: concurrent RecordAsync of distinct events [--events N] [--clients C]";

    public async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 20_000);
        var clients = Option(args, "--clients", 32);
        var folder = Path.Combine(Path.GetTempPath(), "pf-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var storage = new EmbeddedStorageAccount(folder);
            await storage.GetTableClient(CounterStore.TableName).CreateIfNotExistsAsync();
            await storage.GetTableClient(SupervisionRegistry.TableName).CreateIfNotExistsAsync();
            var store = new CounterStore(storage, new SupervisionRegistry(storage));
            var day = new DateOnly(2026, 11, 9);
            Console.WriteLine($"counters benchmark: embedded store, {events:N0} events, {clients} clients, {Environment.ProcessorCount} cores");

            // Warm up (JIT, prepared statements, the counter rows) on another department.
            await Run(store, "W01", day, "warm", 500, clients);

            var watch = Stopwatch.StartNew();
            var (latencies, failed) = await Run(store, "D01", day, "e", events, clients);
            watch.Stop();
            latencies.Sort();
            var recorded = events - failed;
            var total = (await store.DaysAsync("D01", day, day, default)).Sum(d => d.Counts[Counter.Received]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{recorded / watch.Elapsed.TotalSeconds:N0} events/s ({recorded:N0} recorded in {watch.Elapsed.TotalSeconds:0.00} s, {failed:N0} calls failed); per call p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms"));
            Console.WriteLine(total == recorded ? $"stored total {total:N0}: exact" : $"stored total {total:N0}: MISMATCH, expected {recorded:N0}");
            return total == recorded && failed == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a temporary folder left behind is harmless
            }
        }
    }

    /// <summary>The latency of every call that succeeded, and how many failed (a failed call counts nothing).</summary>
    private static async Task<(List<double> Latencies, int Failed)> Run(CounterStore store, string department, DateOnly day, string prefix, int events, int clients)
    {
        var next = -1;
        var failed = 0;
        var latencies = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < events)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await store.RecordAsync([new CounterIncrement(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D8}"), department, day, Counter.Received)], default);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref failed); // gave up after its retries
                }
            }
        })));
        return ([.. latencies.SelectMany(l => l)], failed);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
