using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// The <c>function.json</c> of each declared function, as the Functions host reads it next to
/// <c>host.json</c> in the deployment package: <c>&lt;FunctionName&gt;/function.json</c>.
/// HTTP: <c>httpTrigger</c> <c>req</c> (authLevel anonymous: auth is the app's own, in
/// <see cref="HttpPipeline"/>; lower-case methods; the route without <c>api/</c>) and <c>http</c> output
/// <c>res</c>. Timer: <c>timerTrigger</c> <c>timer</c> on the NCRONTAB schedule. Queue:
/// <c>serviceBusTrigger</c> or <c>queueTrigger</c> named <c>message</c>, with the queue and connection.
/// </summary>
public static class FunctionJson
{
    public const string HttpRequestBindingName = "req";
    public const string HttpResponseBindingName = "res";
    public const string TimerBindingName = "timer";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The function.json document of one declaration.</summary>
    public static JsonObject For(FunctionDeclaration function) => function switch
    {
        HttpFunction http => Bindings(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = HttpRequestBindingName,
                ["authLevel"] = "anonymous",
                ["methods"] = new JsonArray(http.Methods.Select(m => (JsonNode)JsonValue.Create(m.ToLowerInvariant())).ToArray()),
                ["route"] = http.Route,
            },
            new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = HttpResponseBindingName }),
        TimerFunction timer => Bindings(new JsonObject
        {
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["name"] = TimerBindingName,
            ["schedule"] = timer.Schedule,
            ["runOnStartup"] = false,
            ["useMonitor"] = true,
        }),
        QueueFunction { Binding.Kind: QueueKind.ServiceBus } queue => Bindings(new JsonObject
        {
            ["type"] = "serviceBusTrigger",
            ["direction"] = "in",
            ["name"] = queue.Binding.BindingName,
            ["queueName"] = queue.Binding.QueueName,
            ["connection"] = queue.Binding.Connection,
        }),
        QueueFunction queue => Bindings(new JsonObject
        {
            ["type"] = "queueTrigger",
            ["direction"] = "in",
            ["name"] = queue.Binding.BindingName,
            ["queueName"] = queue.Binding.QueueName,
            ["connection"] = queue.Binding.Connection,
        }),
        _ => throw new InvalidOperationException($"no function.json for {function.GetType().Name}"),
    };

    /// <summary>Writes <c>DIR/&lt;Name&gt;/function.json</c> for every function; answers the folders written.</summary>
    public static IReadOnlyList<string> Emit(FunctionCatalog catalog, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var function in catalog.All.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), For(function).ToJsonString(Indented) + "\n");
            written.Add(folder);
        }

        return written;
    }

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };
}
