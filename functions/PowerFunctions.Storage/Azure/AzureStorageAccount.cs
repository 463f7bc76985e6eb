using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// The Azure adapter: the official <c>TableServiceClient</c>, <c>BlobServiceClient</c> and
/// <c>QueueServiceClient</c>, built once per account and shared by every table, container and queue
/// client. Authenticates with the account key of a connection string (Azurite's
/// <c>UseDevelopmentStorage=true</c> or explicit endpoints included) or with Microsoft Entra ID tokens
/// for the account name, as in Azure with a managed identity.
/// </summary>
public sealed partial class AzureStorageAccount : IStorageAccount
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly QueueServiceClient _queues;

    private AzureStorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        _tables = tables;
        _blobs = blobs;
        _queues = queues;
    }

    public string Provider => "AzureStorage";

    public string AccountName => _blobs.AccountName;

    public Uri TableEndpoint => _tables.Uri;

    public Uri BlobEndpoint => _blobs.Uri;

    public Uri QueueEndpoint => _queues.Uri;

    /// <summary>
    /// Account-key access from a connection string. Throws <see cref="FormatException"/> here, never
    /// echoing the string (it holds the key), when any of the three services cannot be built from it.
    /// </summary>
    public static AzureStorageAccount FromConnectionString(string connectionString, AzureStorageOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new AzureStorageOptions();
        try
        {
            return new AzureStorageAccount(
                new TableServiceClient(connectionString, options.Apply(new TableClientOptions())),
                new BlobServiceClient(connectionString, options.Apply(new BlobClientOptions())),
                new QueueServiceClient(connectionString, QueueOptions(options)));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new FormatException("the storage connection string is not usable: it needs AccountName and AccountKey (or UseDevelopmentStorage=true) and valid endpoints", e);
        }
    }

    /// <summary>
    /// Microsoft Entra ID access (a managed identity in Azure, a developer's login elsewhere) to
    /// <c>https://{account}.table|blob|queue.core.windows.net</c>; no key anywhere.
    /// </summary>
    public static AzureStorageAccount FromAccountName(string accountName, TokenCredential credential, AzureStorageOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        if (!AccountNamePattern().IsMatch(accountName))
        {
            throw new ArgumentException($"'{accountName}' is not a storage account name (3-24 lower-case letters and digits)", nameof(accountName));
        }

        options ??= new AzureStorageOptions();
        return new AzureStorageAccount(
            new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential, options.Apply(new TableClientOptions())),
            new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential, options.Apply(new BlobClientOptions())),
            new QueueServiceClient(new Uri($"https://{accountName}.queue.core.windows.net"), credential, QueueOptions(options)));
    }

    public ITableClient GetTableClient(string tableName) => new AzureTableClient(_tables, tableName);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => new AzureBlobContainerClient(_blobs, containerName);

    public IQueueClient GetQueueClient(string queueName) => new AzureQueueClient(_queues, queueName);

    /// <summary>
    /// Base64 message bodies, as the Functions queue trigger expects. A message someone wrote in
    /// another encoding is logged and left on the queue (it expires with its time to live).
    /// </summary>
    private static QueueClientOptions QueueOptions(AzureStorageOptions options)
    {
        var queueOptions = options.Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var logger = options.Logger;
        queueOptions.MessageDecodingFailed += args =>
        {
            var id = args.ReceivedMessage?.MessageId ?? args.PeekedMessage?.MessageId;
            logger.LogWarning("queue {Queue}: message {MessageId} is not base64 and was skipped", args.Queue.Name, id);
            return Task.CompletedTask;
        };
        return queueOptions;
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
