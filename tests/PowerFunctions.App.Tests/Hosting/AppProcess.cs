using System.Diagnostics;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>Runs the built app (<c>dotnet PowerFunctions.App.dll</c>) as a child process, as an operator would.</summary>
internal static class AppProcess
{
    public static string AppDll { get; } = typeof(PowerFunctions.App.Program).Assembly.Location;

    /// <summary>Runs to exit (killed after <paramref name="timeout"/>); answers the exit code and both streams.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, await stderr + "\n(killed: did not exit in time)");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
