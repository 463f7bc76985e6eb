using System.Text;
using Azure;
using Azure.Storage.Queues;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="IQueueClient"/> on the SDK's <c>QueueClient</c>, built with
/// <c>QueueMessageEncoding.Base64</c> (UTF-8 text, base64 on the wire), which is what the Azure
/// Functions queue trigger decodes. Limits are checked before sending with the embedded adapter's
/// rules, and a stale or malformed pop receipt is 404 <see cref="StorageErrorCodes.MessageNotFound"/>.
/// </summary>
public sealed class AzureQueueClient : IQueueClient
{
    /// <summary>48 KiB of UTF-8 is 64 KiB in base64, the most one Azure queue message holds.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>What Azure takes as "never expires".</summary>
    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;

    internal AzureQueueClient(QueueServiceClient service, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _queue = service.GetQueueClient(name);
        Name = name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        AzureErrors.Run($"creating queue '{Name}'", () => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<QueueSendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (Encoding.UTF8.GetByteCount(messageText) > MaxMessageBytes)
        {
            throw StorageErrors.InvalidInput($"a queue message holds at most {MaxMessageBytes} bytes of UTF-8");
        }

        var delay = visibilityDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility delay is 0 to 7 days, not {delay}");
        }

        // the time to live defaults to 7 days; any negative or TimeSpan.MaxValue means never
        var forever = timeToLive is { } t && (t < TimeSpan.Zero || t == TimeSpan.MaxValue);
        if (!forever && timeToLive is { } ttl && (ttl < TimeSpan.FromSeconds(1) || delay >= ttl))
        {
            throw StorageErrors.InvalidInput($"a time to live is at least 1 second and longer than the visibility delay, not {ttl}");
        }

        var receipt = (await AzureErrors.Run($"sending to queue '{Name}'", () => _queue.SendMessageAsync(messageText, delay, forever ? Forever : timeToLive, cancellationToken)).ConfigureAwait(false)).Value;
        return new QueueSendReceipt(receipt.MessageId, receipt.PopReceipt, receipt.InsertionTime, receipt.TimeNextVisible);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        if (visibilityTimeout < TimeSpan.FromSeconds(1) || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility timeout on receive is 1 second to 7 days, not {visibilityTimeout}");
        }

        var messages = (await AzureErrors.Run($"receiving from queue '{Name}'", () => _queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken)).ConfigureAwait(false)).Value;
        return messages.Select(m => new QueueMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount, m.InsertedOn ?? default, m.NextVisibleOn)).ToList();
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        var messages = (await AzureErrors.Run($"peeking at queue '{Name}'", () => _queue.PeekMessagesAsync(maxMessages, cancellationToken)).ConfigureAwait(false)).Value;
        return messages.Select(m => new QueueMessage(m.MessageId, string.Empty, m.Body.ToString(), m.DequeueCount, m.InsertedOn ?? default, null)).ToList();
    }

    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        try
        {
            await _queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw StaleReceiptOr(e, messageId);
        }
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput($"a visibility timeout is 0 to 7 days, not {visibilityTimeout}");
        }

        try
        {
            // no text given: the message keeps its own
            var receipt = await _queue.UpdateMessageAsync(messageId, popReceipt, (string?)null, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            return receipt.Value.PopReceipt;
        }
        catch (RequestFailedException e)
        {
            throw StaleReceiptOr(e, messageId);
        }
    }

    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        var properties = (await AzureErrors.Run($"reading queue '{Name}'", () => _queue.GetPropertiesAsync(cancellationToken)).ConfigureAwait(false)).Value;
        return properties.ApproximateMessagesCount;
    }

    private static void ValidateCount(int maxMessages)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw StorageErrors.InvalidInput($"1 to 32 messages at a time, not {maxMessages}");
        }
    }

    /// <summary>A malformed or foreign pop receipt (400) is as stale as an old one (404): both are <see cref="StorageErrorCodes.MessageNotFound"/>.</summary>
    private RequestFailedException StaleReceiptOr(RequestFailedException e, string messageId)
    {
        var error = AzureErrors.Map(e, $"message '{messageId}' of queue '{Name}'");
        return error.Status == 400 || error.ErrorCode is StorageErrorCodes.ResourceNotFound or StorageErrorCodes.MessageNotFound
            ? new RequestFailedException(404, error.Message, StorageErrorCodes.MessageNotFound, e)
            : error;
    }
}
