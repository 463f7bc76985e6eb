using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PowerFunctions.App.Auth;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// <c>soak [--minutes N] [--workers W]</c> (default 10 minutes, 16 workers): the app on the embedded
/// store under a mixed load for N minutes, through the HTTP API with tokens, as in production:
/// <list type="bullet">
/// <item>W workers each run cases through their life: submit (citizen) → progress (public read) →
/// accept (acceptor) → review A [and B] (two reviewers) → decide (decider) → case view (staff read) →
/// deliver (deliverer) when the case awaits delivery; a case under publicity is delivered later, once
/// a sweep has ended its publicity; every fourth case also reads the catalog list;</item>
/// <item>one sweeper advances the manual clock 30 minutes and runs <c>POST /api/admin/timers/sweep</c>
/// every 2 seconds (so ~6 days pass in 10 minutes: corrections deemed, deadlines yellow and red,
/// publicity ending).</item>
/// </list>
/// The app runs as its own process (<see cref="AppProcess"/>, its own runtime settings), the clients
/// here, so the app's memory is measured alone. Prints per minute the requests by kind, errors (any
/// status but the expected one, or no answer), the submissions' p99, the app's resident memory (VmRSS,
/// the working set), its anonymous part and threads, and the clients' process's; then the app idle:
/// before the load and after it (the clients' connections closed), each once the app's idle trimmer
/// has had its delay (30 s) and more, as an idle app is. Ends with a verdict: memory flat (idle &lt;
/// 150 MB before and after, under load &lt; 400 MB, the last minute within 20% of the second) and zero
/// errors. The app's own log lines of what its idle trims gave back are echoed ("app:").
/// </summary>
public sealed class SoakLoad : IBenchmarkCommand
{
    private const double IdleLimitMb = 150;
    private const double LoadLimitMb = 400;

    /// <summary>How long the soak waits, before and after the load, for the app to be idle: its idle trimmer's default delay (30 s) and a margin.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(45);

    private static readonly string[] Kinds = ["submit", "action", "read", "sweep"];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _submitLatencies = new();
    private readonly ConcurrentQueue<(string CaseNo, Item Item)> _inPublicity = new();
    private int _errors;

    public string Name => "soak";

    public string Description => "mixed load (submissions, case actions, reads, sweeps) for N minutes: throughput, errors, memory per minute (--minutes N --workers W)";

    public async Task<int> RunAsync(string[] args)
    {
        var minutes = BenchmarkApp.Option(args, "--minutes", 10);
        var workers = BenchmarkApp.Option(args, "--workers", 16);

        await using var app = await AppProcess.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers + 2, PooledConnectionLifetime = TimeSpan.FromHours(1) }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        var items = await ItemsAsync(http);
        Console.WriteLine($"soak: {minutes} min, {workers} workers, items {string.Join(", ", items.Select(i => $"{i.Code} ({i.ReviewMode}{(i.Publicised ? ", publicised" : string.Empty)})"))}; {Environment.ProcessorCount} cores, load average {BenchmarkApp.LoadAverage()}");

        Console.WriteLine($"app: process {app.ProcessId}, {app.Memory()} after start");
        await Task.Delay(IdleWait);
        var idleBefore = app.Memory();
        Console.WriteLine($"app idle {IdleWait.TotalSeconds:0} s after start: {idleBefore}");
        Console.WriteLine("| minute | submit | action | read | sweep | errors | submit p99 ms | app resident MB | app anonymous MB | app threads | clients' process MB | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var load = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(app, http, items[w % items.Count], w, stop.Token)))
            .Append(Task.Run(() => SweeperAsync(app, http, stop.Token)))
            .ToList();

        var rows = new List<Minute>();
        var clock = Stopwatch.StartNew();
        for (var minute = 1; minute <= minutes; minute++)
        {
            var wait = TimeSpan.FromMinutes(minute) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            rows.Add(Sample(minute, app));
            Console.WriteLine(rows[^1].Line());
        }

        await Task.WhenAll(load);
        http.Dispose(); // the clients' connections closed: the app holds none of their buffers
        await Task.Delay(TimeSpan.FromSeconds(5));
        var justAfter = app.Memory();
        await Task.Delay(IdleWait - TimeSpan.FromSeconds(5));
        var idleAfter = app.Memory();
        var peak = rows.Max(r => r.App.ResidentMb);
        var second = rows[Math.Min(1, rows.Count - 1)].App.ResidentMb;
        var last = rows[^1].App.ResidentMb;
        var totals = Kinds.ToDictionary(k => k, k => rows.Sum(r => r.Counts[k]));
        var errors = rows.Sum(r => r.Errors);
        var flat = last <= second * 1.2;
        var ok = idleBefore.ResidentMb < IdleLimitMb && idleAfter.ResidentMb < IdleLimitMb && peak < LoadLimitMb && flat && errors == 0;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {string.Join(", ", Kinds.Select(k => $"{totals[k]} {k}"))} = {totals.Values.Sum() / (minutes * 60.0):0} requests/s; errors {errors}"));
        Console.WriteLine($"app 5 s after the load: {justAfter}");
        Console.WriteLine($"app idle {IdleWait.TotalSeconds:0} s after the load: {idleAfter}; the clients' process: {ProcessMemory.Of(Environment.ProcessId)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdict: {(ok ? "PASS" : "FAIL")} — app idle before/after {idleBefore.ResidentMb:0}/{idleAfter.ResidentMb:0} MB (< {IdleLimitMb:0}), peak under load {peak:0} MB (< {LoadLimitMb:0}), last minute {last:0} MB vs second {second:0} MB ({(flat ? "flat" : "GROWING")}), errors {errors}; load average {BenchmarkApp.LoadAverage()}"));
        return ok ? 0 : 1;
    }

    /// <summary>One worker: cases through their life, one after another, with reads in between.</summary>
    private async Task WorkerAsync(AppProcess app, HttpClient http, Item item, int worker, CancellationToken stop)
    {
        var citizen = app.Token($"soak-citizen-{worker}", "张小三", [Roles.Citizen]);
        var acceptor = app.Token($"soak-acceptor-{worker}", "李受理", [Roles.Acceptor], item.Department);
        var reviewerA = app.Token($"soak-reviewer-a-{worker}", "王审查", [Roles.Reviewer], item.Department);
        var reviewerB = app.Token($"soak-reviewer-b-{worker}", "赵复核", [Roles.Reviewer], item.Department);
        var decider = app.Token($"soak-decider-{worker}", "钱局长", [Roles.Decider], item.Department);
        var deliverer = app.Token($"soak-deliverer-{worker}", "孙送达", [Roles.Deliverer], item.Department);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"soak-{worker}-{n}";
            var submitted = await SendAsync(http, "submit", HttpMethod.Post, "/api/applications", citizen, item.Body, HttpStatusCode.Created, key);
            if (submitted is not { } created)
            {
                continue;
            }

            var caseNo = created.GetProperty("caseNo").GetString()!;
            var queryCode = created.GetProperty("queryCode").GetString()!;
            await SendAsync(http, "read", HttpMethod.Get, $"/api/cases/{caseNo}/progress?queryCode={queryCode}", null, null, HttpStatusCode.OK);
            if (await ActAsync(http, caseNo, "accept", acceptor, new { }) is null
                || await ActAsync(http, caseNo, "review", reviewerA, new { role = "A", opinion = "材料齐全，符合条件", recommendation = "approve" }) is null
                || (item.ReviewMode == "substantive" && await ActAsync(http, caseNo, "review", reviewerB, new { role = "B", opinion = "同意", recommendation = "approve" }) is null)
                || await ActAsync(http, caseNo, "decide", decider, new { outcome = "approve", reasons = "符合法定条件" }) is null)
            {
                continue;
            }

            var view = await SendAsync(http, "read", HttpMethod.Get, $"/api/cases/{caseNo}", decider, null, HttpStatusCode.OK);
            var state = view?.GetProperty("state").GetString();
            if (state == "awaiting-delivery")
            {
                await ActAsync(http, caseNo, "deliver", deliverer, new { method = "electronic", recipient = "张小三" });
            }
            else if (state == "in-publicity")
            {
                _inPublicity.Enqueue((caseNo, item));
            }

            if (n % 4 == 0)
            {
                await SendAsync(http, "read", HttpMethod.Get, "/api/catalog/items", null, null, HttpStatusCode.OK);
                await DeliverOneAfterPublicityAsync(app, http, worker, stop);
            }
        }
    }

    /// <summary>Takes a case that was under publicity: delivers it if a sweep has ended its publicity, else puts it back.</summary>
    private async Task DeliverOneAfterPublicityAsync(AppProcess app, HttpClient http, int worker, CancellationToken stop)
    {
        if (stop.IsCancellationRequested || !_inPublicity.TryDequeue(out var waiting))
        {
            return;
        }

        var staff = app.Token($"soak-deliverer-{worker}", "孙送达", [Roles.Deliverer, Roles.Decider], waiting.Item.Department);
        var view = await SendAsync(http, "read", HttpMethod.Get, $"/api/cases/{waiting.CaseNo}", staff, null, HttpStatusCode.OK);
        if (view?.GetProperty("state").GetString() == "awaiting-delivery")
        {
            await ActAsync(http, waiting.CaseNo, "deliver", staff, new { method = "electronic", recipient = "张小三" });
        }
        else
        {
            _inPublicity.Enqueue(waiting);
        }
    }

    /// <summary>Every 2 s: the manual clock 30 minutes on, then a sweep of every due timer.</summary>
    private async Task SweeperAsync(AppProcess app, HttpClient http, CancellationToken stop)
    {
        var admin = app.Token("soak-admin", "管理员", [Roles.Admin]);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await SendAsync(http, "sweep", HttpMethod.Post, "/api/admin/clock", admin, new { advance = "PT30M" }, HttpStatusCode.OK);
            await SendAsync(http, "sweep", HttpMethod.Post, "/api/admin/timers/sweep", admin, null, HttpStatusCode.OK);
        }
    }

    private Task<JsonElement?> ActAsync(HttpClient http, string caseNo, string action, string token, object body) =>
        SendAsync(http, "action", HttpMethod.Post, $"/api/cases/{caseNo}/{action}", token, body, HttpStatusCode.OK);

    /// <summary>One request, counted by kind; any other status than <paramref name="expected"/> (or no answer) is an error, printed the first times.</summary>
    private async Task<JsonElement?> SendAsync(HttpClient http, string kind, HttpMethod method, string path, string? token, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            if (kind == "submit")
            {
                _submitLatencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (response.StatusCode != expected)
            {
                Error($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                return null;
            }

            return response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0
                ? JsonDocument.Parse(text).RootElement.Clone()
                : default(JsonElement);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            Error($"{method} {path}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    private void Error(string what)
    {
        if (Interlocked.Increment(ref _errors) <= 10)
        {
            Console.WriteLine("  error: " + what);
        }
    }

    /// <summary>This minute's counts (reset), errors, submissions' p99, the app's and the clients' memory.</summary>
    private Minute Sample(int minute, AppProcess app)
    {
        var counts = Kinds.ToDictionary(k => k, k => _counts.TryRemove(k, out var n) ? n : 0);
        var latencies = new List<double>();
        while (_submitLatencies.TryDequeue(out var l))
        {
            latencies.Add(l);
        }

        latencies.Sort();
        return new Minute(minute, counts, Interlocked.Exchange(ref _errors, 0), BenchmarkApp.Percentile(latencies, 0.99), app.Memory(), ProcessMemory.Of(Environment.ProcessId), BenchmarkApp.LoadAverage());
    }

    /// <summary>The published promised items a case can go through without experts or a collective decision: one publicised and one not, where the catalog has them.</summary>
    private static async Task<List<Item>> ItemsAsync(HttpClient http)
    {
        var listed = await http.GetFromJsonAsync<JsonElement>("/api/catalog/items");
        var candidates = new List<Item>();
        foreach (var entry in listed.EnumerateArray())
        {
            if (entry.GetProperty("handlingType").GetString() != "promised"
                || entry.GetProperty("expertReview").GetBoolean()
                || entry.GetProperty("collectiveDecision").GetBoolean())
            {
                continue;
            }

            var code = entry.GetProperty("code").GetString()!;
            var detail = await http.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}");
            var required = detail.GetProperty("materials").EnumerateArray()
                .Where(m => !m.TryGetProperty("required", out var r) || r.ValueKind != JsonValueKind.False)
                .Select(m => new { code = m.GetProperty("code").GetString(), name = m.GetProperty("name").GetString() })
                .ToArray();

            var body = new
            {
                itemCode = code,
                applicant = new { name = "张小三", idType = "身份证", idNumber = "410102199001011234", phone = "13800000000" },
                materials = required,
                form = new { address = "郑州市金水区花园路 1 号" },
            };
            candidates.Add(new Item(code, entry.GetProperty("department").GetProperty("code").GetString()!, entry.GetProperty("reviewMode").GetString()!, entry.GetProperty("publicised").GetBoolean(), body));
        }

        var chosen = new[] { candidates.FirstOrDefault(i => i.Publicised), candidates.FirstOrDefault(i => !i.Publicised) }.OfType<Item>().ToList();
        return chosen.Count > 0 ? chosen : throw new InvalidOperationException("the catalog has no published promised item without experts or a collective decision");
    }

    private sealed record Item(string Code, string Department, string ReviewMode, bool Publicised, object Body);

    private sealed record Minute(int Number, Dictionary<string, int> Counts, int Errors, double SubmitP99, ProcessMemory App, ProcessMemory Clients, string LoadAverage)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"| {Number} | {Counts["submit"]} | {Counts["action"]} | {Counts["read"]} | {Counts["sweep"]} | {Errors} | {SubmitP99:0} | {App.ResidentMb:0} | {App.AnonymousMb:0} | {App.Threads} | {Clients.ResidentMb:0} | {LoadAverage} |");
    }
}
