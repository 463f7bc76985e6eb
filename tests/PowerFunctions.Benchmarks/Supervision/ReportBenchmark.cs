using System.Diagnostics;
using System.Globalization;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.Benchmarks.Supervision;

/// <summary>
/// <c>dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- supervision-report [cases]</c>: the domain side of
/// a month's report. Generates a year of synthetic activity with <c>cases</c> (default 100,000) cases in the month
/// measured, over 20 departments (received, decided on time or late, red/yellow alerts, tickets answered, ratings,
/// rectifications), folds the increments into per-department daily counter rows (what the app keeps with each event),
/// then times building the month's report from the rows (what the report route does after reading them) against
/// computing the same numbers by scanning every case record (what the counters avoid), and checks both agree.
/// Medians of 15 runs after a warm-up. Storage reads are the app phase's to measure.
/// </summary>
public sealed class ReportBenchmark : IBenchmarkCommand
{
    public string Name => "supervision-report";

    public string Description => "a month's supervision report from daily counters vs scanning every case (domain only)";

    public Task<int> RunAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var month = ReportPeriod.Month(2026, 9);
        var departments = Enumerable.Range(1, 20).Select(i => new ReportDepartment($"D{i:00}", $"部门{i:00}")).ToArray();
        var random = new Random(20260930);

        // A year of cases: `cases` of them in September, the same density in the other months.
        var records = new List<CaseRecord>();
        for (var d = new DateOnly(2026, 1, 1); d <= new DateOnly(2026, 12, 31); d = d.AddDays(1))
        {
            var perDay = cases / month.Days;
            for (var i = 0; i < perDay; i++)
            {
                var dept = departments[random.Next(departments.Length)].Code;
                var decided = random.NextDouble() < 0.9;
                records.Add(new CaseRecord(dept, d, decided, decided && random.NextDouble() < 0.85, random.NextDouble() < 0.05, random.NextDouble() < 0.1, random.NextDouble() < 0.05, random.NextDouble() < 0.2 ? random.Next(1, 6) : 0));
            }
        }

        var increments = records.SelectMany(Increments).ToList();
        var fold = Stopwatch.StartNew();
        var rows = SupervisionCounters.Accumulate(increments);
        fold.Stop();
        var inMonth = records.Count(r => month.Contains(r.Day));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records.Count:N0} cases in 2026 ({inMonth:N0} in {month.Code}), {increments.Count:N0} increments folded into {rows.Count:N0} daily rows in {fold.ElapsedMilliseconds} ms"));

        var now = new DateTimeOffset(2026, 10, 1, 1, 0, 0, ChinaTime.Offset);
        var open = new Dictionary<string, long>();
        var monthRows = rows.Where(r => month.Contains(r.Day)).ToList();
        var fromCounters = Median(() => ReportBuilder.Build(month, departments, monthRows, open, now), out var report);
        var fromScan = Median(() => ReportBuilder.Build(month, departments, SupervisionCounters.Accumulate(records.Where(r => month.Contains(r.Day)).SelectMany(Increments)), open, now), out var scanned);
        var same = report.Departments.SequenceEqual(scanned.Departments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"month report from {monthRows.Count} daily rows: {fromCounters.TotalMilliseconds:0.000} ms (median of 15)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same numbers by scanning {records.Count:N0} case records: {fromScan.TotalMilliseconds:0.0} ms (median of 15)"));
        Console.WriteLine(same ? "both give the same report" : "MISMATCH between counters and scan");
        var top = report.Departments[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rank 1: {top.Code} score {top.Score} (received {top.Received}, decided {top.Decided}, on time {top.OnTimeRate})"));
        return Task.FromResult(same ? 0 : 1);
    }

    private static TimeSpan Median(Func<PeriodReport> build, out PeriodReport report)
    {
        report = build();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 15; i++)
        {
            var sw = Stopwatch.StartNew();
            report = build();
            times.Add(sw.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static IEnumerable<CounterIncrement> Increments(CaseRecord r, int index)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"case:{index}");
        yield return new(key, r.Department, r.Day, Counter.Received);
        if (r.Decided)
        {
            yield return new(key, r.Department, r.Day, Counter.Decided);
        }

        if (r.OnTime)
        {
            yield return new(key, r.Department, r.Day, Counter.DecidedOnTime);
        }

        if (r.Red)
        {
            yield return new(key, r.Department, r.Day, Counter.AlertsRed);
            yield return new(key, r.Department, r.Day, Counter.Overdue);
        }

        if (r.Yellow)
        {
            yield return new(key, r.Department, r.Day, Counter.AlertsYellow);
        }

        if (r.Ticket)
        {
            yield return new(key, r.Department, r.Day, Counter.Complaints);
            yield return new(key, r.Department, r.Day, Counter.ComplaintsAnswered);
            yield return new(key, r.Department, r.Day, Counter.ComplaintsOnTime);
        }

        if (r.Rating > 0)
        {
            yield return new(key, r.Department, r.Day, r.Rating <= 2 ? Counter.RatingsBad : Counter.RatingsGood);
        }
    }

    private sealed record CaseRecord(string Department, DateOnly Day, bool Decided, bool OnTime, bool Red, bool Yellow, bool Ticket, int Rating);
}
