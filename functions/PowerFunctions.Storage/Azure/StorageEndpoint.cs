using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>One service endpoint (table, blob or queue) and the pipeline that reaches it.</summary>
internal sealed class StorageEndpoint(Uri baseUri, HttpPipeline pipeline)
{
    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');

    public HttpPipeline Pipeline { get; } = pipeline;

    public Uri BaseUri { get; } = baseUri;

    /// <summary>The absolute URL of <paramref name="encodedPath"/> (already percent-encoded, no leading slash).</summary>
    public string Url(string encodedPath) => _base + "/" + encodedPath;

    /// <summary>A request to <paramref name="encodedPath"/> with the query values escaped here.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string encodedPath, params (string Name, string? Value)[] query)
    {
        var url = new StringBuilder(Url(encodedPath));
        var first = true;
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            url.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(url.ToString()));
        message.BufferResponse = true;
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    /// <summary>Percent-encodes one path segment (blob names keep their slashes).</summary>
    public static string EncodeSegment(string segment) => Uri.EscapeDataString(segment);
}
