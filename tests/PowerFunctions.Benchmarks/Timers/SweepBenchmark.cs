using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Clock;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Storage;
using PowerFunctions.Storage.AzureStorage;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Benchmarks.Timers;

/// <summary>
/// <c>sweep [scheduled] [due]</c>: the sweep's cost follows the due timers, not all scheduled ones.
/// On the embedded store, schedules <c>scheduled</c> timers (default 1,000,000) spread over the coming
/// year plus <c>due</c> (default 1,000) due now, then times one sweep firing the due ones with a no-op
/// handler; then the same with 10,000 scheduled. Seeding goes through the real scheduler, 100 timers
/// of one bucket per call (one entity-group transaction), and is timed separately.
/// </summary>
public sealed class SweepBenchmark : IBenchmarkCommand
{
    private static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public string Name => "sweep";

    public string Description => "durable timers: one sweep of 1,000 due among 1,000,000 vs 10,000 scheduled";

    public async Task<int> RunAsync(string[] args)
    {
        // --azure CONNECTION_STRING runs on Azure Storage (e.g. a fresh Azurite) instead of the embedded store.
        var azureAt = Array.IndexOf(args, "--azure");
        var azure = azureAt >= 0 && azureAt + 1 < args.Length ? args[azureAt + 1] : null;
        var positional = azureAt >= 0 ? args.Where((_, i) => i != azureAt && i != azureAt + 1).ToArray() : args;
        var scheduled = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : (azure is null ? 1_000_000 : 10_000);
        var due = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1_000;
        Console.WriteLine($"sweep benchmark: {(azure is null ? "embedded store" : "Azure Storage")}, no-op handler, {Environment.ProcessorCount} cores");
        Console.WriteLine("warm-up (1,000 scheduled, 100 due):");
        await RunScenarioAsync(1_000, 100, azure);
        var small = await RunScenarioAsync(Math.Min(10_000, scheduled), due, azure);
        var large = scheduled > 10_000 ? await RunScenarioAsync(scheduled, due, azure) : small;
        Console.WriteLine();
        Console.WriteLine($"| scheduled (future) | due | seeding | sweep of the due | fired | idle sweep after |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        foreach (var r in new[] { small, large })
        {
            Console.WriteLine($"| {r.Scheduled:N0} | {r.Due:N0} | {r.Seeding.TotalSeconds:F1} s ({r.Scheduled / r.Seeding.TotalSeconds:N0} timers/s) | {r.Sweep.TotalMilliseconds:F0} ms | {r.Fired:N0} | {r.IdleSweep.TotalMilliseconds:F1} ms |");
        }

        Console.WriteLine($"sweep time ratio ({large.Scheduled:N0} vs {small.Scheduled:N0} scheduled): {large.Sweep / small.Sweep:F2}x");
        return large.Fired == due && small.Fired == due ? 0 : 1;
    }

    private static async Task<Result> RunScenarioAsync(int scheduled, int due, string? azure)
    {
        var path = Path.Combine(Path.GetTempPath(), "pf-bench-sweep-" + Guid.NewGuid().ToString("N"));
        var clock = new ManualClock(Start);
        try
        {
            using var disposable = azure is null ? new EmbeddedStorageAccount(path, clock) : null;
            IStorageAccount account = disposable ?? (IStorageAccount)AzureStorageAccount.FromConnectionString(azure!);
            await account.GetTableClient(TimerIndex.TableName).CreateIfNotExistsAsync();
            await account.GetTableClient(TimerIndex.DeadTableName).CreateIfNotExistsAsync();
            var options = new TimerOptions();
            var scheduler = new TableTimerScheduler(account, clock, options);

            // Future timers: 100 per bucket, buckets spread evenly over the coming year.
            Console.WriteLine($"scenario: {scheduled:N0} scheduled over the coming year, {due:N0} due now");
            var seeding = Stopwatch.StartNew();
            var buckets = (scheduled + 99) / 100;
            var spacing = TimeSpan.FromDays(364) / Math.Max(1, buckets);
            var written = 0;
            for (var b = 0; b < buckets; b++)
            {
                var bucketStart = Start.AddDays(1) + (spacing * b);
                var count = Math.Min(100, scheduled - written);
                var timers = new DurableTimer[count];
                for (var i = 0; i < count; i++)
                {
                    timers[i] = new DurableTimer("bench", $"C{written + i:D8}", "decision", bucketStart.AddMilliseconds(i * 100), 1);
                }

                await scheduler.ScheduleAsync(timers, default);
                written += count;
                if (b % 10000 == 9999)
                {
                    Console.WriteLine($"  seeded {written:N0} / {scheduled:N0} in {seeding.Elapsed.TotalSeconds:F0} s");
                }
            }

            // Due timers: 100 per bucket in the minutes before now.
            for (var d = 0; d < due; d += 100)
            {
                var bucketStart = Start.AddMinutes(-1 - (d / 100));
                var timers = Enumerable.Range(d, Math.Min(100, due - d))
                    .Select(i => new DurableTimer("bench", $"D{i:D8}", "decision", bucketStart.AddMilliseconds((i - d) * 100), 1))
                    .ToArray();
                await scheduler.ScheduleAsync(timers, default);
            }

            seeding.Stop();
            Console.WriteLine($"  {scheduled:N0} future + {due:N0} due seeded in {seeding.Elapsed.TotalSeconds:F1} s");

            var sweeper = new DeadlineSweeper(account, clock, [new NoOpHandler()], options, new NoSweepFaults(), NullLogger<DeadlineSweeper>.Instance);
            var sweep = Stopwatch.StartNew();
            var fired = await sweeper.SweepAsync(default);
            sweep.Stop();
            clock.Advance(TimeSpan.FromMinutes(1));
            var idle = Stopwatch.StartNew();
            var again = await sweeper.SweepAsync(default);
            idle.Stop();
            Console.WriteLine($"  sweep: {fired:N0} fired in {sweep.Elapsed.TotalMilliseconds:F0} ms; next sweep {again} fired in {idle.Elapsed.TotalMilliseconds:F1} ms");
            return new Result(scheduled, due, seeding.Elapsed, sweep.Elapsed, fired, idle.Elapsed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Result(int Scheduled, int Due, TimeSpan Seeding, TimeSpan Sweep, int Fired, TimeSpan IdleSweep);

    private sealed class NoOpHandler : ITimerHandler
    {
        public string Kind => "bench";

        public Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
