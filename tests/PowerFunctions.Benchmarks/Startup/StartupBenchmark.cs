using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PowerFunctions.Benchmarks.Startup;

/// <summary>
/// <c>startup [runs] [path/to/PowerFunctions.App.dll]</c>: process start to the first 200 of
/// <c>GET /api/health</c> for the standalone app (<c>dotnet PowerFunctions.App.dll</c>, the Release build
/// beside this program unless given) and, alternating with it in the same run, for a bare Kestrel app
/// started the same way (<see cref="BareKestrel"/>); prints both medians and their ratio. The app's first
/// run starts on an empty data folder (creates the store, seeds the catalog); later runs reuse it, as a
/// restart does.
/// </summary>
public sealed class StartupBenchmark : IBenchmarkCommand
{
    public string Name => "startup";

    public string Description => "process start to first 200 of GET /api/health (standalone, dotnet PowerFunctions.App.dll)";

    public async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;
        var dll = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(AppContext.BaseDirectory, "PowerFunctions.App.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"not found: {dll}");
            return 2;
        }

        var data = Path.Combine(Path.GetTempPath(), "pf-startup-" + Guid.NewGuid().ToString("N"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var bareDll = typeof(BareKestrel).Assembly.Location;
        var times = new List<double>();
        var bare = new List<double>();
        try
        {
            _ = await MeasureAsync(client, bareDll, null); // warm the disk cache for both, unmeasured
            for (var run = 1; run <= runs; run++)
            {
                var bareElapsed = await MeasureAsync(client, bareDll, null);
                bare.Add(bareElapsed);
                var elapsed = await MeasureAsync(client, dll, data);
                times.Add(elapsed);
                Console.WriteLine($"run {run}: bare Kestrel {bareElapsed:0} ms, app {elapsed:0} ms{(run == 1 ? " (empty data folder)" : string.Empty)}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        var warm = times.Skip(1).Order().ToList();
        var bareSorted = bare.Order().ToList();
        var bareMedian = bareSorted[bareSorted.Count / 2];
        Console.WriteLine($"first (empty store): {times[0]:0} ms");
        Console.WriteLine($"bare Kestrel: median {bareMedian:0} ms, min {bareSorted[0]:0} ms, max {bareSorted[^1]:0} ms over {bare.Count} runs");
        if (warm.Count > 0)
        {
            var median = warm[warm.Count / 2];
            Console.WriteLine($"app restarts: median {median:0} ms, min {warm[0]:0} ms, max {warm[^1]:0} ms over {warm.Count} runs");
            Console.WriteLine($"ratio app/bare (medians): {median / bareMedian:0.00}x");
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(HttpClient client, string dll, string? data)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = data is null
            ? [dll, BareKestrel.Command, $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]
            : [dll, $"--urls=http://127.0.0.1:{port}", $"--Storage:DataPath={data}", "--Logging:LogLevel:Default=Warning"];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = new Uri($"http://127.0.0.1:{port}/api/health");
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var response = await client.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet, or too slow to answer under load: ask again
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the app exited with {process.ExitCode} before answering");
                }

                await Task.Delay(5);
            }

            throw new TimeoutException("no 200 from /api/health within 30 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
