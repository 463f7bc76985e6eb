using System.Text.Json;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>
/// The standalone function table held against what the Functions host would index: the Worker SDK's
/// <c>functions.metadata</c> in the app's build output. Same function names, HTTP routes and methods,
/// timer schedules and queue names; a function on one side only fails. And no route the host refuses.
/// </summary>
public sealed class FunctionMetadataParityTests
{
    private static readonly FunctionIndex Standalone = FunctionIndex.Of(FunctionClasses.InAssembly(typeof(PowerFunctionsHost).Assembly));

    [Fact]
    public void Metadata_EveryFunction_ServedStandaloneAndTheReverse()
    {
        var host = HostFunctions().Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        var standalone = Standalone.All.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(host, standalone);
        Assert.True(host.Count >= 40, $"{host.Count} functions in functions.metadata");
    }

    [Fact]
    public void Metadata_Triggers_SameRoutesMethodsSchedulesAndQueues()
    {
        foreach (var (name, trigger) in HostFunctions())
        {
            var type = trigger.GetProperty("type").GetString();
            switch (Standalone.Find(name))
            {
                case HttpFunction http:
                    Assert.Equal("httpTrigger", type);
                    Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
                    var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal);
                    Assert.Equal(http.Methods.Order(StringComparer.Ordinal), methods);
                    Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true); // auth is the app's
                    break;
                case TimerFunction timer:
                    Assert.Equal("timerTrigger", type);
                    Assert.Equal(timer.Schedule, trigger.GetProperty("schedule").GetString());
                    break;
                case QueueFunction queue:
                    Assert.Equal("queueTrigger", type);
                    Assert.Equal(queue.QueueName, trigger.GetProperty("queueName").GetString());
                    break;
                default:
                    Assert.Fail($"{name}: {type} is not served standalone");
                    break;
            }
        }
    }

    [Fact]
    public void Metadata_NoRouteStartsWithAdmin_TheHostWouldRefuseIt()
    {
        var refused = HostFunctions()
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => (f.Name, Route: f.Trigger.GetProperty("route").GetString() ?? string.Empty))
            .Where(f => f.Route.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(refused.Count == 0, "routes the Functions host refuses: " + string.Join(", ", refused));
        Assert.Contains(HostFunctions(), f => f.Trigger.TryGetProperty("route", out var r) && r.GetString() == "{area:regex(^admin$)}/clock");
    }

    /// <summary>Each function of functions.metadata with its trigger binding (the one "In" binding whose type ends in Trigger).</summary>
    private static List<(string Name, JsonElement Trigger)> HostFunctions()
    {
        var path = Path.Combine(AppBuildOutput.Path, "functions.metadata");
        Assert.True(File.Exists(path), $"no {path}: build functions/PowerFunctions.App first");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (
                f.GetProperty("name").GetString()!,
                f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)).Clone()))
            .ToList();
    }
}
