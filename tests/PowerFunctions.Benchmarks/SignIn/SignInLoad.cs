using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.Benchmarks.SignIn;

/// <summary>
/// <c>signin [--count N] [--clients C]</c>: the app on the embedded store and a code-to-session stand-in on
/// loopback (answering at once); C clients sign in N times (new citizens), refresh N times, and make N
/// authenticated calls with a citizen token and N with a development token to a route that does nothing
/// after authentication (an empty rating, 422): sign-ins/s, refreshes/s, p50/p99, and what checking a citizen
/// token (ES256 and the session lookup: every call its own session, or one session whose check is remembered)
/// costs against a development token (HS256).
/// </summary>
public sealed class SignInLoad : IBenchmarkCommand
{
    public string Name => "signin";

    public string Description => "citizen sign-in, refresh and token checking on the embedded store: rate, p50/p99 (--count N --clients C)";

    public async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 2000);
        var clients = Option(args, "--clients", 16);
        await using var platform = await StartPlatformAsync();
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-signin-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["Storage:DataPath"] = dataPath,
            ["Auth:SigningKey"] = "benchmark-signing-key-0123456789abcdef0123",
            ["Auth:SignIn:PerClientPerMinute"] = "100000",
            ["MiniProgram:BaseUrl"] = platform.Urls.First(),
            ["MiniProgram:AppId"] = "wxbenchmark0000001",
            ["MiniProgram:AppSecret"] = "benchmark-secret",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Runners:Enabled"] = "false",
        };
        var app = PowerFunctionsHost.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await PowerFunctionsHost.StartAsync(app);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address };
            Console.WriteLine($"{clients} clients, {count} of each; machine load average {LoadAverage()}, {Environment.ProcessorCount} cores");

            var refreshTokens = new string[count];
            var accessTokens = new string[count];
            await MeasureAsync("warm-up", Math.Min(200, count), clients, async i => (await SignInAsync(http, "warm" + i)).StatusCode == HttpStatusCode.OK);
            await MeasureAsync("sign-in (new citizen)", count, clients, async i =>
            {
                using var response = await SignInAsync(http, "user" + i);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                refreshTokens[i] = body.GetProperty("refreshToken").GetString()!;
                accessTokens[i] = body.GetProperty("accessToken").GetString()!;
                return response.StatusCode == HttpStatusCode.OK;
            });
            await MeasureAsync("refresh", count, clients, async i =>
            {
                using var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refreshTokens[i] });
                return response.StatusCode == HttpStatusCode.OK;
            });
            var development = app.Services.GetRequiredService<TokenService>().Issue("dev-citizen", "张小三", [Roles.Citizen], null, TimeSpan.FromHours(2));
            await MeasureAsync("call, development token", count, clients, i => CallAsync(http, development));
            await MeasureAsync("call, citizen token", count, clients, i => CallAsync(http, accessTokens[i]));
            await MeasureAsync("call, one citizen's token", count, clients, i => CallAsync(http, accessTokens[0]));
            return 0;
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

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string user) =>
        http.PostAsJsonAsync("/api/auth/mini-program", new { code = user + "x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) });

    private static async Task<bool> CallAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluations") { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.UnprocessableEntity;
    }

    private static async Task MeasureAsync(string what, int count, int clients, Func<int, Task<bool>> call)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t = Stopwatch.GetTimestamp();
                if (!await call(i))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-26} {count / watch.Elapsed.TotalSeconds,7:0}/s  p50 {Percentile(all, 0.50),6:0.0} ms  p99 {Percentile(all, 0.99),6:0.0} ms  failures {failures}"));
    }

    /// <summary>The code-to-session stand-in: every code is a new user (its openid derived from the code), answered at once.</summary>
    private static async Task<WebApplication> StartPlatformAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var platform = builder.Build();
        platform.MapGet("/sns/jscode2session", (HttpContext context) =>
        {
            var code = context.Request.Query["js_code"].ToString();
            var user = code[..code.IndexOf('x', StringComparison.Ordinal)];
            return context.Response.WriteAsync($"{{\"session_key\":\"{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\",\"openid\":\"o-bench-{user}\"}}");
        });
        await platform.StartAsync();
        _ = platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return platform;
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
