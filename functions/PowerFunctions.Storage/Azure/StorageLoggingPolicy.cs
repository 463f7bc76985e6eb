using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Logs every attempt with the ids that let Azure support find it: our <c>x-ms-client-request-id</c>
/// and the service's <c>x-ms-request-id</c>. Failures and throttling at Warning, the rest at Debug.
/// Never logs headers that carry credentials.
/// </summary>
internal sealed class StorageLoggingPolicy(ILogger logger) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (async)
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            else
            {
                ProcessNext(message, pipeline);
            }
        }
        catch (Exception e) when (Log(message, started, e))
        {
            throw;
        }

        Log(message, started, null);
    }

    private bool Log(HttpMessage message, long started, Exception? error)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var request = message.Request;
        var path = request.Uri.Path;
        var clientRequestId = request.ClientRequestId;
        if (error is not null)
        {
            logger.LogWarning(error, "storage {Method} {Path} failed after {Elapsed:F0} ms (x-ms-client-request-id {ClientRequestId})", request.Method, path, elapsed, clientRequestId);
            return false;
        }

        var response = message.Response;
        var requestId = response.Headers.TryGetValue("x-ms-request-id", out var id) ? id : null;
        var level = response.Status is 408 or 429 or >= 500 ? LogLevel.Warning : LogLevel.Debug;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "storage {Method} {Path} -> {Status} in {Elapsed:F0} ms (x-ms-client-request-id {ClientRequestId}, x-ms-request-id {RequestId})", request.Method, path, response.Status, elapsed, clientRequestId, requestId);
        }

        return false;
    }
}
