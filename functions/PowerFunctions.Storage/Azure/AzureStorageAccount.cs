using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// The Azure adapter: Table, Blob and Queue clients speaking the Storage REST APIs over Azure.Core's
/// pipeline (retries with exponential backoff on 408/429/5xx, per-attempt timeout, request ids in
/// logs). Authenticates with the account key from a connection string (SharedKeyLite for Table,
/// SharedKey for Blob and Queue; Azurite's <c>UseDevelopmentStorage=true</c> included) or with
/// Microsoft Entra ID bearer tokens (<c>https://storage.azure.com/.default</c>) when only the account
/// name is known, as in Azure with a managed identity.
/// </summary>
public sealed class AzureStorageAccount : IStorageAccount
{
    /// <summary>The token scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly StorageEndpoint _tables;
    private readonly StorageEndpoint _blobs;
    private readonly StorageEndpoint _queues;

    private AzureStorageAccount(string accountName, StorageEndpoint tables, StorageEndpoint blobs, StorageEndpoint queues)
    {
        AccountName = accountName;
        _tables = tables;
        _blobs = blobs;
        _queues = queues;
    }

    public string Provider => "AzureStorage";

    public string AccountName { get; }

    public Uri TableEndpoint => _tables.BaseUri;

    public Uri BlobEndpoint => _blobs.BaseUri;

    public Uri QueueEndpoint => _queues.BaseUri;

    /// <summary>Key-based access from a connection string (explicit endpoints win, for Azurite on custom ports).</summary>
    public static AzureStorageAccount FromConnectionString(string connectionString, AzureStorageOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        options ??= new AzureStorageOptions();
        return new AzureStorageAccount(
            parsed.AccountName,
            Endpoint(parsed.TableEndpoint, options, new SharedKeyPolicy(parsed.AccountName, parsed.AccountKey, lite: true)),
            Endpoint(parsed.BlobEndpoint, options, new SharedKeyPolicy(parsed.AccountName, parsed.AccountKey, lite: false)),
            Endpoint(parsed.QueueEndpoint, options, new SharedKeyPolicy(parsed.AccountName, parsed.AccountKey, lite: false)));
    }

    /// <summary>
    /// Microsoft Entra ID access (a managed identity in Azure, a developer's login elsewhere) to
    /// <c>https://{account}.table|blob|queue.core.windows.net</c>, or to the endpoints given.
    /// </summary>
    public static AzureStorageAccount FromAccountName(string accountName, TokenCredential credential, AzureStorageOptions? options = null, Uri? tableEndpoint = null, Uri? blobEndpoint = null, Uri? queueEndpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        if (!System.Text.RegularExpressions.Regex.IsMatch(accountName, "^[a-z0-9]{3,24}$"))
        {
            throw new ArgumentException($"'{accountName}' is not a storage account name (3-24 lower-case letters and digits)", nameof(accountName));
        }

        options ??= new AzureStorageOptions();
        var auth = new BearerTokenAuthenticationPolicy(credential, StorageScope);
        return new AzureStorageAccount(
            accountName,
            Endpoint(tableEndpoint ?? new Uri($"https://{accountName}.table.core.windows.net"), options, auth),
            Endpoint(blobEndpoint ?? new Uri($"https://{accountName}.blob.core.windows.net"), options, auth),
            Endpoint(queueEndpoint ?? new Uri($"https://{accountName}.queue.core.windows.net"), options, auth));
    }

    public ITableClient GetTableClient(string tableName) => new AzureTableClient(_tables, tableName);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => new AzureBlobContainerClient(_blobs, containerName);

    public IQueueClient GetQueueClient(string queueName) => new AzureQueueClient(_queues, queueName);

    private static StorageEndpoint Endpoint(Uri baseUri, AzureStorageOptions options, HttpPipelinePolicy auth)
    {
        var pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageHeadersPolicy(options.ApiVersion, options.TimeProvider), auth, new StorageLoggingPolicy(options.Logger)],
            responseClassifier: new ResponseClassifier());
        return new StorageEndpoint(baseUri, pipeline);
    }
}
