using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PowerFunctions.Benchmarks.Startup;

/// <summary>
/// <c>startup [runs] [path/to/PowerFunctions.App.dll]</c>: process start to the first 200 of
/// <c>GET /api/health</c> for the standalone app (<c>dotnet PowerFunctions.App.dll</c>, the Release build
/// beside this program unless given). The first run starts on an empty data folder (creates the store,
/// seeds the catalog); later runs reuse it, as a restart does.
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
        var times = new List<double>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var elapsed = await MeasureAsync(client, dll, data);
                times.Add(elapsed);
                Console.WriteLine($"run {run}{(run == 1 ? " (empty data folder)" : string.Empty)}: {elapsed:0} ms");
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
        Console.WriteLine($"first (empty store): {times[0]:0} ms");
        if (warm.Count > 0)
        {
            Console.WriteLine($"restarts: median {warm[warm.Count / 2]:0} ms, min {warm[0]:0} ms, max {warm[^1]:0} ms over {warm.Count} runs");
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(HttpClient client, string dll, string data)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { dll, $"--urls=http://127.0.0.1:{port}", $"--Storage:DataPath={data}", "--Logging:LogLevel:Default=Warning" })
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
                catch (HttpRequestException)
                {
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
