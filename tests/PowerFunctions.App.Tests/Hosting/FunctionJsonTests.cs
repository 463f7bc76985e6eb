using System.Text.Json;
using PowerFunctions.App.Cli;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary><c>emit-functions</c>: one function.json per declaration, held against the declaration.</summary>
public sealed class FunctionJsonTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "pf-emit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task EmitFunctions_EveryDeclaration_FunctionJsonMatchesIt()
    {
        await using var app = await TestApp.StartAsync();
        var catalog = app.Get<FunctionCatalog>();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var handled = Commands.TryRun(["emit-functions", "--out", _out], output, error, out var exitCode);

        Assert.True(handled);
        Assert.Equal(0, exitCode);
        Assert.Equal(catalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), Directory.GetDirectories(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var function in catalog.All)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, function.Name, "function.json")));
            var bindings = json.RootElement.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = bindings.Single(b => b.GetProperty("direction").GetString() == "in");
            switch (function)
            {
                case HttpFunction http:
                    Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal("req", trigger.GetProperty("name").GetString());
                    Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
                    Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
                    Assert.Equal(http.Methods.Select(m => m.ToLowerInvariant()), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
                    var output0 = Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "out");
                    Assert.Equal("http", output0.GetProperty("type").GetString());
                    Assert.Equal("res", output0.GetProperty("name").GetString());
                    break;
                case TimerFunction timer:
                    Assert.Single(bindings);
                    Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(timer.Schedule, trigger.GetProperty("schedule").GetString());
                    Assert.Equal("timer", trigger.GetProperty("name").GetString());
                    break;
                case QueueFunction queue:
                    Assert.Single(bindings);
                    Assert.Equal(queue.Binding.Kind == QueueKind.ServiceBus ? "serviceBusTrigger" : "queueTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(queue.Binding.QueueName, trigger.GetProperty("queueName").GetString());
                    Assert.Equal(queue.Binding.Connection, trigger.GetProperty("connection").GetString());
                    Assert.Equal("message", trigger.GetProperty("name").GetString());
                    break;
                default:
                    Assert.Fail($"{function.Name}: unknown kind");
                    break;
            }
        }
    }

    [Theory]
    [InlineData("DeadlineSweep", "timerTrigger", "schedule", "0 */1 * * * *")]
    [InlineData("ApplicationIntake", "serviceBusTrigger", "queueName", "applications")]
    [InlineData("ComplaintIntake", "serviceBusTrigger", "queueName", "complaints")]
    [InlineData("ComplaintIntake", "serviceBusTrigger", "connection", "ServiceBus")]
    [InlineData("Health", "httpTrigger", "route", "health")]
    public void EmitFunctions_IssueFunctions_HaveTheirBindings(string function, string type, string property, string value)
    {
        Assert.True(Commands.TryRun(["emit-functions", "--out", _out], TextWriter.Null, TextWriter.Null, out var exitCode));
        Assert.Equal(0, exitCode);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, function, "function.json")));
        var trigger = json.RootElement.GetProperty("bindings")[0];
        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(value, trigger.GetProperty(property).GetString());
    }

    [Fact]
    public void EmitFunctions_NoOut_Refused()
    {
        using var error = new StringWriter();

        Commands.TryRun(["emit-functions"], TextWriter.Null, error, out var exitCode);

        Assert.Equal(2, exitCode);
        Assert.Contains("--out", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HostJson_AtRoot_RunsThePublishedAppAsCustomHandler()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")));
        var root = json.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("app/PowerFunctions.App", root.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.False(root.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("[4.*, 5.0.0)", root.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal(5, root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }
}
