using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PowerFunctions.Storage.AzureStorage;

namespace PowerFunctions.Tests.Shared;

/// <summary>
/// (One file, linked into the storage and app test projects.) A real Azurite (installed by tests/prerequisites.sh into tests/azurite) on three free loopback
/// ports, in memory, started once per test class or collection and killed on dispose. Missing Node.js
/// or Azurite fails the tests with a message saying how to install it: never a silent skip.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    /// <summary>Azurite's account key, published in its documentation (not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public string ConnectionString { get; private set; } = string.Empty;

    public AzureStorageAccount CreateAccount() => AzureStorageAccount.FromConnectionString(ConnectionString);

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'bash tests/prerequisites.sh' (npm install in tests/azurite).");
        }

        var ports = FreePorts(3);
        _workspace = Path.Combine(Path.GetTempPath(), "pf-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workspace);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace,
        };
        foreach (var arg in new[]
                 {
                     script, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js ('node') is not on PATH; the Azure adapter's tests need it to run Azurite (tests/prerequisites.sh installs Azurite with npm).", e);
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!await AnswersAsync(port))
            {
                if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    var exited = _process.HasExited;
                    await DisposeAsync();
                    throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1:{port} ({(exited ? "it exited" : "still starting after 60 s")}). Its output:\n{Output()}");
                }

                await Task.Delay(100);
            }
        }

        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + $"AccountKey={DevelopmentAccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;"
            + $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
            _process = null;
        }

        if (_workspace is not null)
        {
            try
            {
                Directory.Delete(_workspace, recursive: true);
            }
            catch (IOException)
            {
            }

            _workspace = null;
        }

        return Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Ports the OS hands out, all held open together so none repeats, then released for Azurite.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PowerFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (PowerFunctions.sln) above " + AppContext.BaseDirectory);
    }
}
