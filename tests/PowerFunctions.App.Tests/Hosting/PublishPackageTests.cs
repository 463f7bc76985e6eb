using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The deployment package (infra/publish.sh's package step, run on the app's build output: the same
/// Worker SDK layout as its publish output; the full publish is run by hand, see the README).
/// </summary>
public sealed class PublishPackageTests : IDisposable
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
    public async Task Package_BuildOutput_ZipHasTheIsolatedWorkerLayout()
    {
        var (exitCode, output) = await RunAsync("--package", AppBuildOutput.Path, Path.Combine(_work, "out"));

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(Path.Combine(_work, "out", "powerfunctions.zip"));
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName);
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "PowerFunctions.App.dll", "PowerFunctions.App.deps.json", "PowerFunctions.App.runtimeconfig.json" })
        {
            Assert.True(entries.ContainsKey(file), $"{file} missing from the package");
        }

        Assert.Contains(entries.Keys, k => k.StartsWith(".azurefunctions/", StringComparison.Ordinal) && k.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain("local.settings.json", entries.Keys);
        using var host = JsonDocument.Parse(entries["host.json"].Open());
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _));
        using var metadata = JsonDocument.Parse(entries["functions.metadata"].Open());
        Assert.True(metadata.RootElement.GetArrayLength() >= 40);
        // The document fonts are compiled into the app; their licences travel beside it (SIL OFL 1.1 asks for that).
        Assert.Contains("fonts/OFL-NotoSerifCJK.txt", entries.Keys);
        Assert.Contains("fonts/OFL-LiberationSerif.txt", entries.Keys);
    }

    [Theory]
    [InlineData("functions.metadata")]
    [InlineData("worker.config.json")]
    [InlineData("host.json")]
    public async Task Package_FolderMissingAPart_RefusedNamingIt(string missing)
    {
        var app = Path.Combine(_work, "app");
        CopyDirectory(AppBuildOutput.Path, app);
        File.Delete(Path.Combine(app, missing));

        var (exitCode, output) = await RunAsync("--package", app, Path.Combine(_work, "out"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(missing, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "out", "powerfunctions.zip")));
    }

    [Fact]
    public async Task Package_CustomHandlerHostJson_Refused()
    {
        var app = Path.Combine(_work, "app");
        CopyDirectory(AppBuildOutput.Path, app);
        await File.WriteAllTextAsync(Path.Combine(app, "host.json"), "{\"version\":\"2.0\",\"customHandler\":{\"description\":{\"defaultExecutablePath\":\"app\"}}}");

        var (exitCode, output) = await RunAsync("--package", app, Path.Combine(_work, "out"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("isolated worker", output, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
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
