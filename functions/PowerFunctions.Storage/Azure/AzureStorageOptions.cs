using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// How the Azure adapter's SDK clients behave: the SDK's exponential retry (on 408, 429, 500, 502,
/// 503, 504 and network errors), the per-attempt network timeout, and where every attempt is logged.
/// </summary>
public sealed class AzureStorageOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take on the network.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every attempt is logged here: method, path, status, request ids, time; failures and throttling at Warning.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The transport under the SDK's pipeline; null for its HttpClient (tests put a fake here).</summary>
    public HttpPipelineTransport? Transport { get; set; }

    /// <summary>Applies these settings to one SDK client's options.</summary>
    internal T Apply<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Diagnostics.ApplicationId = "PowerFunctions";
        options.AddPolicy(new StorageLoggingPolicy(Logger), HttpPipelinePosition.PerRetry);
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        return options;
    }
}
