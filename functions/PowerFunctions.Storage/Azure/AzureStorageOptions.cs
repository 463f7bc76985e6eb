using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// How the Azure adapter talks to Storage: Azure.Core's retry (exponential backoff on 408, 429 and
/// 5xx), the per-attempt network timeout, the REST API version and where request logs go.
/// </summary>
public sealed class AzureStorageOptions : ClientOptions
{
    /// <summary>The REST version sent as <c>x-ms-version</c> (Azurite accepts any with <c>--skipApiVersionCheck</c>).</summary>
    public const string DefaultApiVersion = "2021-12-02";

    public AzureStorageOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.ApplicationId = "PowerFunctions";
    }

    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Every attempt is logged here: method, path, status, <c>x-ms-client-request-id</c>, <c>x-ms-request-id</c>, time.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The clock that stamps <c>x-ms-date</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
