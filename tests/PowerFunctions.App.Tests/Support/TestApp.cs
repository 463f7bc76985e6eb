using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Support;

/// <summary>
/// The real app on a free loopback port with its own temporary data folder, a manual clock and a
/// signing key: tests talk to it over real HTTP. Settings may be overridden per test.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789";

    /// <summary>A personal-data key (SM4, 16 bytes) for tests that start in Production, where the development key is refused.</summary>
    public const string ProductionPersonalDataKey = "AQIDBAUGBwgJCgsMDQ4PEA==";

    /// <summary>The key of the public document ids (<c>Documents:IdKey</c>, required in Production).</summary>
    public const string DocumentIdKey = "test-document-id-key-0123456789abcdef0123456789";

    /// <summary>The manual clock's default start: Friday 2026-09-18 09:30 China time.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly WebApplication _app;

    private TestApp(WebApplication app, string dataPath, Uri baseAddress)
    {
        _app = app;
        DataPath = dataPath;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null, string? dataPath = null, Action<IServiceCollection>? overrideServices = null)
    {
        dataPath ??= Path.Combine(Path.GetTempPath(), "pf-test-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["Storage:Provider"] = "Embedded",
            ["Storage:DataPath"] = dataPath,
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = DefaultStart.ToString("O"),
            ["Auth:SigningKey"] = SigningKey,
            ["Documents:IdKey"] = DocumentIdKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Runners:Enabled"] = "false",
            ["IdleTrim:Enabled"] = "false", // its full GCs are process-wide: the suite's idle apps must not run them under the others' tests

            // The suite drives hundreds of requests from one address and one citizen in a moment: limits out of the
            // way here; the rate-limit tests set their own.
            ["Http:RateLimits:PublicPerClientPerMinute"] = "1000000",
            ["Http:RateLimits:SubmissionsPerCitizenPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var args = values.Where(v => v.Value is not null).Select(v => $"--{v.Key}={v.Value}").ToArray();
        var app = PowerFunctionsHost.Build(args, overrideServices);
        await PowerFunctionsHost.StartAsync(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, dataPath, new Uri(address));
    }

    /// <summary>Runs one tick of the timer function <paramref name="name"/> now, as the standalone timer runner does (with its wrapper).</summary>
    public Task RunTimerAsync(string name, CancellationToken cancellationToken = default) =>
        Get<FunctionInvoker>().InvokeTimerAsync((TimerFunction)Get<FunctionIndex>().Find(name)!, Services, new TimerInfo(), "test-" + name, cancellationToken);

    /// <summary>Delivers <paramref name="message"/> to the queue function <paramref name="name"/> once, as the standalone queue runner does (with its wrapper).</summary>
    public Task DeliverAsync(string name, string message, long dequeueCount = 1, CancellationToken cancellationToken = default) =>
        Get<FunctionInvoker>().InvokeQueueAsync((QueueFunction)Get<FunctionIndex>().Find(name)!, Services, message, "m-" + Guid.NewGuid().ToString("N"), dequeueCount, "test-" + name, cancellationToken);

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A token for a caller with <paramref name="roles"/> (comma-separated).</summary>
    public string Token(string roles, string department = "D01", string subject = "u1", string name = "张三") =>
        Get<TokenService>().Issue(subject, name, roles.Split(',', StringSplitOptions.RemoveEmptyEntries), department);

    /// <summary>A client that sends a token for <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(string roles, string department = "D01", string subject = "u1", string name = "张三")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(roles, department, subject, name));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}
