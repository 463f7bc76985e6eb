using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;

namespace PowerFunctions.Benchmarks.Cases;

/// <summary>
/// The function app as its own process (<c>dotnet PowerFunctions.App.dll</c>, standalone, with its own
/// runtime settings), on the embedded store in a temporary data folder, with the benchmark settings of
/// <see cref="BenchmarkApp"/>: so what a load command measures of it is the app's memory alone, not its
/// load clients'. Tokens are signed here with the same key. Its log lines at Information and above of
/// the host's lifetime and the idle trimmer are echoed, indented.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TokenService _tokens = new(Options.Create(new AuthOptions { SigningKey = BenchmarkApp.SigningKey }));

    private AppProcess(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    public string DataPath { get; }

    public int ProcessId => _process.Id;

    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? extraSettings = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "pf-load-" + Guid.NewGuid().ToString("N"));
        var settings = BenchmarkApp.Settings(dataPath);
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        settings["Logging:LogLevel:PowerFunctions.App.Hosting.IdleTrimmer"] = "Information";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(typeof(PowerFunctions.App.Program).Assembly.Location);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Echo(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Echo(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != listening.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw new InvalidOperationException("the app did not start listening");
        }

        return new AppProcess(process, await listening.Task, dataPath);
    }

    /// <summary>A bearer token for <paramref name="subject"/> with <paramref name="roles"/> (and a department for staff).</summary>
    public string Token(string subject, string name, string[] roles, string? department = null) =>
        _tokens.Issue(subject, name, roles, department, TimeSpan.FromHours(6));

    /// <summary>The app process's memory now, from <c>/proc/{pid}/status</c>: resident (VmRSS), its anonymous part (RssAnon), threads.</summary>
    public ProcessMemory Memory() => ProcessMemory.Of(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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

    private static void Echo(string? line, TaskCompletionSource<Uri> listening)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
            return;
        }

        if (!line.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal))
        {
            Console.WriteLine("    app: " + line.Trim());
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
