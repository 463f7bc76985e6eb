using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>A canned response: the status, a few Storage headers and, on success, a small JSON entity.</summary>
internal sealed class FakeResponse(int status, string clientRequestId) : Response
{
    private readonly Dictionary<string, string> _headers = status < 400
        ? new(StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-approximate-messages-count"] = "0",
            ["ETag"] = "W/\"1\"",
            ["Content-Type"] = "application/json",
        }
        : new(StringComparer.OrdinalIgnoreCase) { ["x-ms-error-code"] = "ServerBusy" };

    public override int Status => status;

    public override string ReasonPhrase => status == 200 ? "OK" : "Error";

    /// <summary>An entity for a success; no body for a failure (the SDK then reads the status alone).</summary>
    public override Stream? ContentStream { get; set; } = new MemoryStream(status < 400 ? Encoding.UTF8.GetBytes("{\"PartitionKey\":\"p\",\"RowKey\":\"r\"}") : []);

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = _headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
