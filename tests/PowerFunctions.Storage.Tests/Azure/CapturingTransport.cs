using Azure.Core;
using Azure.Core.Pipeline;
using PowerFunctions.Storage.AzureStorage;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>A transport that records each request and answers with the queued statuses (then 200), each with a table-shaped body.</summary>
internal sealed class CapturingTransport : HttpPipelineTransport
{
    public Queue<int> Statuses { get; init; } = new();

    public List<(string Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

    public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Requests.Add((message.Request.Uri.ToString(), message.Request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase)));
        var status = Statuses.Count > 0 ? Statuses.Dequeue() : 200;
        message.Response = new FakeResponse(status, message.Request.ClientRequestId);
        return ValueTask.CompletedTask;
    }
}
