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
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.Benchmarks.Complaints;

/// <summary>
/// <c>complaints [--count N] [--clients C] [--hotline M]</c>: the app on the embedded store (a temporary data folder);
/// C concurrent clients file N tickets over loopback (<c>POST /api/complaints</c>, each its own key); M hotline tickets
/// are put on the embedded queue and drained by <c>HotlineIntake</c> runs (each with its status message through the
/// outbox); then a department's work list is read page by page. Prints filings/s with p50/p99, hotline tickets/s, and
/// the p50/p99 of one list page of 50.
/// </summary>
public sealed class ComplaintLoad : IBenchmarkCommand
{
    public string Name => "complaints";

    public string Description => "complaint intake and lists on the embedded store: filings/s p50/p99, hotline drain/s, list page p50/p99 (--count N --clients C --hotline M)";

    public async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 2000);
        var clients = Option(args, "--clients", 16);
        var hotline = Option(args, "--hotline", 1000);
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-complaints-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["Storage:DataPath"] = dataPath,
            ["Http:RateLimits:PublicPerClientPerMinute"] = "100000000", // a benchmark is one client at full speed: measure throughput, not the limits
            ["Http:RateLimits:SubmissionsPerCitizenPerMinute"] = "100000000",
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = "2026-09-18T09:30:00+08:00",
            ["Auth:SigningKey"] = "benchmark-signing-key-0123456789abcdef0123",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Runners:Enabled"] = "false",
        };
        var app = PowerFunctionsHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await PowerFunctionsHost.StartAsync(app);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var tokens = app.Services.GetRequiredService<TokenService>();
            using var http = Client(address, clients, tokens.Issue("load-citizen", "张小三", [Roles.Citizen], null, TimeSpan.FromHours(2)));
            using var handler = Client(address, 1, tokens.Issue("load-handler", "郑承办", [Roles.Handler], "D01", TimeSpan.FromHours(2)));
            Console.WriteLine($"{clients} clients, {count} filings (+{count / 10} warm-up), {hotline} hotline tickets, store {dataPath}");

            await FileAsync(http, "warm", count / 10, clients);
            var (elapsed, latencies, failures) = await FileAsync(http, "run", count, clients);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {count} in {elapsed.TotalSeconds:0.00} s = {count / elapsed.TotalSeconds:0} tickets/s; p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms; failures {failures}"));

            var sender = app.Services.GetRequiredService<IMessagingAccount>().GetSender(MessagingEntities.HotlineTickets);
            foreach (var chunk in Enumerable.Range(0, hotline).Chunk(100))
            {
                await sender.SendMessagesAsync([.. chunk.Select(i => BusMessage.Json($"hl-{i}", JsonSerializer.Serialize(new
                {
                    hotlineTicketId = $"HL-LOAD-{i}",
                    category = "help",
                    subject = "路灯不亮",
                    description = "小区路灯坏了一周",
                    department = "D01",
                    contact = new { name = "李四", phone = "13900002222" },
                })))]);
            }

            var index = app.Services.GetRequiredService<FunctionIndex>();
            var invoker = app.Services.GetRequiredService<FunctionInvoker>();
            var drain = Stopwatch.StartNew();
            var runs = 0;
            var queue = app.Services.GetRequiredService<PowerFunctions.Storage.IStorageAccount>().GetQueueClient(MessagingEntities.HotlineTickets);
            while (await queue.GetApproximateCountAsync() > 0 && runs < 10_000)
            {
                await invoker.InvokeTimerAsync((TimerFunction)index.Find("HotlineIntake")!, app.Services, new Microsoft.Azure.Functions.Worker.TimerInfo(), "bench", CancellationToken.None);
                runs++;
            }

            drain.Stop();
            var stored = await CountAsync(handler);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hotline: {hotline} in {drain.Elapsed.TotalSeconds:0.00} s = {hotline / drain.Elapsed.TotalSeconds:0} tickets/s over {runs} HotlineIntake runs; {stored} tickets in D01's list (expected {count + count / 10 + hotline})"));

            var pages = new List<double>();
            string? continuation = null;
            do
            {
                var t = Stopwatch.GetTimestamp();
                var page = await handler.GetFromJsonAsync<JsonElement>("/api/complaints?pageSize=50" + (continuation is null ? string.Empty : "&continuation=" + continuation));
                pages.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
            }
            while (continuation is not null);

            pages.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"list: {pages.Count} pages of 50; p50 {Percentile(pages, 0.50):0.0} ms, p99 {Percentile(pages, 0.99):0.0} ms; load average {LoadAverage()}, {Environment.ProcessorCount} cores"));
            return failures == 0 && stored == count + count / 10 + hotline ? 0 : 1;
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

    private static HttpClient Client(Uri address, int connections, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(TimeSpan Elapsed, List<double> Latencies, int Failures)> FileAsync(HttpClient http, string prefix, int count, int clients)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[clients];
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
                {
                    Content = JsonContent.Create(new
                    {
                        category = i % 3 == 0 ? "complaint" : "consultation",
                        subject = "窗口推诿不办",
                        description = "到政务大厅办理食品经营许可，窗口以系统故障为由拒收材料。",
                        department = "D01",
                        contact = new { name = "张小三", phone = "13800001234" },
                    }),
                };
                request.Headers.Add("Idempotency-Key", $"{prefix}-{i}");
                var t = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created && Interlocked.Increment(ref failures) <= 3)
                {
                    Console.WriteLine($"  {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return (started.Elapsed, [.. latencies.SelectMany(l => l)], failures);
    }

    /// <summary>How many tickets the department's list holds (read page by page).</summary>
    private static async Task<int> CountAsync(HttpClient handler)
    {
        var total = 0;
        string? continuation = null;
        do
        {
            var page = await handler.GetFromJsonAsync<JsonElement>("/api/complaints?pageSize=200" + (continuation is null ? string.Empty : "&continuation=" + continuation));
            total += page.GetProperty("items").GetArrayLength();
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        }
        while (continuation is not null);

        return total;
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
