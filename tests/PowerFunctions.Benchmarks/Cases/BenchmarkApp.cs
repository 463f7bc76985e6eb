using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// The function app as the load commands run it: the standalone host on a free loopback port, on the
/// embedded store in a temporary data folder (or Azure Storage), with the manual clock at a working
/// morning, and a signing key for tokens. Also the small helpers the load commands share.
/// </summary>
public sealed class BenchmarkApp : IAsyncDisposable
{
    public const string SigningKey = "benchmark-signing-key-0123456789abcdef0123";

    private BenchmarkApp(WebApplication app, string dataPath)
    {
        App = app;
        DataPath = dataPath;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri Address { get; }

    public string DataPath { get; }

    /// <param name="azureConnectionString">Runs on Azure Storage (e.g. a fresh Azurite) instead of the embedded store.</param>
    public static async Task<BenchmarkApp> StartAsync(string? azureConnectionString = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-load-" + Guid.NewGuid().ToString("N"));
        var settings = Settings(dataPath, azureConnectionString);
        var app = PowerFunctionsHost.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await PowerFunctionsHost.StartAsync(app);
        return new BenchmarkApp(app, dataPath);
    }

    /// <summary>The app's settings under load: a free loopback port, the store in <paramref name="dataPath"/>, the manual clock, no rate limits, the signing key.</summary>
    public static Dictionary<string, string> Settings(string dataPath, string? azureConnectionString = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            ["Storage:Provider"] = azureConnectionString is null ? "Embedded" : "AzureStorage",
            ["Storage:DataPath"] = dataPath,
            ["Http:RateLimits:PublicPerClientPerMinute"] = "100000000", // a benchmark is one client at full speed: measure throughput, not the limits
            ["Http:RateLimits:SubmissionsPerCitizenPerMinute"] = "100000000",
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = "2026-09-18T09:30:00+08:00",
            ["Auth:SigningKey"] = SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (azureConnectionString is not null)
        {
            settings["Storage:ConnectionString"] = azureConnectionString;
        }

        return settings;
    }

    /// <summary>A bearer token for <paramref name="subject"/> with <paramref name="roles"/> (and a department for staff).</summary>
    public string Token(string subject, string name, string[] roles, string? department = null) =>
        Services.GetRequiredService<TokenService>().Issue(subject, name, roles, department, TimeSpan.FromHours(6));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("PF_BENCH_KEEP_STORE") == "1")
        {
            Console.WriteLine($"store kept at {DataPath}");
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The machine's 1-minute load average ("?" where there is none).</summary>
    public static string LoadAverage()
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

    /// <summary>The <paramref name="p"/> quantile (nearest rank) of sorted values.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, else <paramref name="fallback"/>.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
