using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PowerFunctions.Benchmarks.Calendar;

/// <summary>
/// <c>dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- calendar</c>: the working-day
/// engine against a naive day-by-day loop for 5, 20 and 200 working days (BenchmarkDotNet, short run with 8 iterations,
/// in process), then one line per period with both means and the ratio.
/// </summary>
public sealed class CalendarBenchmark : IBenchmarkCommand
{
    public string Name => "calendar";

    public string Description => "WorkingCalendar.AddWorkingDays vs a naive day-by-day loop (5, 20, 200 wd)";

    public Task<int> RunAsync(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<CalendarAddBenchmarks>(config, args);
        var means = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(
                r => (r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Days: Convert.ToInt32(r.BenchmarkCase.Parameters["Days"], CultureInfo.InvariantCulture)),
                r => r.ResultStatistics!.Mean);
        Console.WriteLine();
        Console.WriteLine("working days | engine (ns) | naive loop (ns) | naive / engine");
        var ok = true;
        foreach (var days in new[] { 5, 20, 200 })
        {
            if (!means.TryGetValue((nameof(CalendarAddBenchmarks.Engine), days), out var engine)
                || !means.TryGetValue((nameof(CalendarAddBenchmarks.NaiveLoop), days), out var naive))
            {
                ok = false;
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{days,12} | {engine,11:0.0} | {naive,15:0.0} | {naive / engine,13:0.0}x"));
        }

        return Task.FromResult(ok ? 0 : 1);
    }
}
