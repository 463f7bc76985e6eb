using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using PowerFunctions.App.Cli;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The deployment package's layout (infra/publish.sh's layout step, run on the emitted functions and
/// a stand-in app folder; the real self-contained publish is run by hand, see the README).
/// </summary>
public sealed class PublishLayoutTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "pf-publish-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Layout_EmittedFunctionsAndApp_ZipReadyForConfigZip()
    {
        var app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "PowerFunctions.App"), "#!/bin/sh\n");
        await File.WriteAllTextAsync(Path.Combine(app, "PowerFunctions.App.dll"), "stand-in");
        var functions = Path.Combine(_work, "functions");
        Assert.True(Commands.TryRun(["emit-functions", "--out", functions], TextWriter.Null, TextWriter.Null, out var emitted));
        Assert.Equal(0, emitted);

        var (exitCode, output) = await RunAsync("--layout", app, functions, Path.Combine(_work, "out"));

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(Path.Combine(_work, "out", "powerfunctions.zip"));
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName);
        Assert.Contains("host.json", entries.Keys);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "host.json")), new StreamReader(entries["host.json"].Open()).ReadToEnd());
        var exe = entries["app/PowerFunctions.App"];
        Assert.NotEqual(0, (exe.ExternalAttributes >> 16) & 0b001_001_001); // executable bit kept for Linux
        Assert.Contains("app/PowerFunctions.App.dll", entries.Keys);

        await using var running = await TestApp.StartAsync();
        var names = running.Get<FunctionCatalog>().All.Select(f => f.Name).ToList();
        foreach (var name in names)
        {
            using var json = JsonDocument.Parse(entries[$"{name}/function.json"].Open());
            Assert.True(json.RootElement.GetProperty("bindings").GetArrayLength() >= 1);
        }

        // Nothing else at the top level: host.json, app/ and one folder per function.
        var top = entries.Keys.Select(k => k.Split('/')[0]).ToHashSet();
        Assert.Equal(new[] { "app", "host.json" }.Concat(names).Order(StringComparer.Ordinal), top.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Layout_AppWithoutExecutable_Refused()
    {
        var app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        var functions = Path.Combine(_work, "functions");
        Commands.TryRun(["emit-functions", "--out", functions], TextWriter.Null, TextWriter.Null, out _);

        var (exitCode, output) = await RunAsync("--layout", app, functions, Path.Combine(_work, "out"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PowerFunctions.App", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "out", "powerfunctions.zip")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoRoot.Path, "infra", "publish.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
