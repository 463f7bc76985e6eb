using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>Stamps <c>x-ms-version</c> and a fresh <c>x-ms-date</c> on every attempt (signatures cover the date).</summary>
internal sealed class StorageHeadersPolicy(string apiVersion, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", apiVersion);
        message.Request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
