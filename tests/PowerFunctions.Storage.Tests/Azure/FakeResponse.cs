using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>A canned response: the status, a few Storage headers and a small JSON body.</summary>
internal sealed class FakeResponse(int status, string clientRequestId) : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-ms-approximate-messages-count"] = "0",
        ["ETag"] = "W/\"1\"",
        ["Content-Type"] = "application/json",
    };

    public override int Status => status;

    public override string ReasonPhrase => status == 200 ? "OK" : "Error";

    public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes("{\"PartitionKey\":\"p\",\"RowKey\":\"r\"}"));

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
