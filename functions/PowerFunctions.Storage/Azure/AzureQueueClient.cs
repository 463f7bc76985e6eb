using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="IQueueClient"/> over the Queue service REST API. Message text goes base64-encoded
/// (UTF-8) in the XML body, which is what the Azure Functions queue trigger decodes by default; a
/// message someone else put in plain text is read back as it is.
/// </summary>
public sealed class AzureQueueClient : IQueueClient
{
    /// <summary>The Queue service's limit on one message, in bytes after base64 encoding.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly StorageEndpoint _endpoint;

    internal AzureQueueClient(StorageEndpoint endpoint, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    /// <summary>What goes in <c>&lt;MessageText&gt;</c>: the UTF-8 bytes of the text, base64.</summary>
    public static string EncodeMessageText(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>The text of a <c>&lt;MessageText&gt;</c>: base64 UTF-8 if it is that, else the raw text.</summary>
    public static string DecodeMessageText(string wire)
    {
        var buffer = new byte[wire.Length];
        if (wire.Length > 0 && Convert.TryFromBase64String(wire, buffer, out var written))
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
            }
        }

        return wire;
    }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _endpoint.CreateMessage(RequestMethod.Put, Name);
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 or 409)
        {
            return;
        }

        throw AzureErrors.From(response, $"creating queue '{Name}'");
    }

    public async Task<QueueSendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (visibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibility))
        {
            throw StorageErrors.InvalidInput("a message can be delayed 0 to 7 days");
        }

        if (timeToLive is { } ttl && ttl <= TimeSpan.Zero && ttl != Timeout.InfiniteTimeSpan)
        {
            throw StorageErrors.InvalidInput("a message's time to live must be positive");
        }

        var encoded = EncodeMessageText(messageText);
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw StorageErrors.InvalidInput($"the message is {encoded.Length} bytes in base64, more than the {MaxEncodedMessageBytes} a queue takes");
        }

        using var message = _endpoint.CreateMessage(
            RequestMethod.Post,
            Name + "/messages",
            ("visibilitytimeout", visibilityDelay is { } d ? Seconds(d) : null),
            ("messagettl", timeToLive is { } t ? (t == Timeout.InfiniteTimeSpan ? "-1" : Seconds(t)) : null));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>"));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw AzureErrors.From(response, $"sending to queue '{Name}'");
        }

        var item = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new QueueSendReceipt(
            item.Element("MessageId")!.Value,
            item.Element("PopReceipt")?.Value ?? string.Empty,
            Date(item.Element("InsertionTime")?.Value) ?? default,
            Date(item.Element("TimeNextVisible")?.Value) ?? default);
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        if (visibilityTimeout < TimeSpan.FromSeconds(1) || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput("the visibility timeout must be 1 second to 7 days");
        }

        return GetMessagesAsync(maxMessages, ("visibilitytimeout", Seconds(visibilityTimeout)), cancellationToken);
    }

    public Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages, CancellationToken cancellationToken = default) =>
        GetMessagesAsync(maxMessages, ("peekonly", "true"), cancellationToken);

    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        using var message = _endpoint.CreateMessage(RequestMethod.Delete, MessagePath(messageId), ("popreceipt", popReceipt));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StaleReceiptOr(response, messageId);
        }
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
        {
            throw StorageErrors.InvalidInput("the visibility timeout must be 0 to 7 days");
        }

        using var message = _endpoint.CreateMessage(RequestMethod.Put, MessagePath(messageId), ("popreceipt", popReceipt), ("visibilitytimeout", Seconds(visibilityTimeout)));
        message.Request.Content = RequestContent.Create(Array.Empty<byte>());
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StaleReceiptOr(response, messageId);
        }

        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt)
            ? receipt
            : throw new RequestFailedException(response.Status, "the queue service answered an update without a pop receipt", "InvalidResponse", null);
    }

    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _endpoint.CreateMessage(RequestMethod.Get, Name, ("comp", "metadata"));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw AzureErrors.From(response, $"reading queue '{Name}'");
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) : 0;
    }

    private async Task<IReadOnlyList<QueueMessage>> GetMessagesAsync(int maxMessages, (string, string?) mode, CancellationToken cancellationToken)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw StorageErrors.InvalidInput($"a receive takes 1-32 messages, not {maxMessages}");
        }

        using var message = _endpoint.CreateMessage(RequestMethod.Get, Name + "/messages", ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)), mode);
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw AzureErrors.From(response, $"receiving from queue '{Name}'");
        }

        var messages = new List<QueueMessage>();
        foreach (var item in XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage"))
        {
            messages.Add(new QueueMessage(
                item.Element("MessageId")!.Value,
                item.Element("PopReceipt")?.Value ?? string.Empty,
                DecodeMessageText(item.Element("MessageText")?.Value ?? string.Empty),
                long.Parse(item.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
                Date(item.Element("InsertionTime")?.Value) ?? default,
                Date(item.Element("TimeNextVisible")?.Value)));
        }

        return messages;
    }

    private RequestFailedException StaleReceiptOr(Response response, string messageId)
    {
        var error = AzureErrors.From(response, $"message '{messageId}' of queue '{Name}'");
        // a malformed or foreign pop receipt (400) is as stale as an old one
        return error.Status == 400 || error.ErrorCode is StorageErrorCodes.ResourceNotFound or StorageErrorCodes.MessageNotFound
            ? new RequestFailedException(404, error.Message, StorageErrorCodes.MessageNotFound, error)
            : error;
    }

    private string MessagePath(string messageId) => Name + "/messages/" + StorageEndpoint.EncodeSegment(messageId);

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Date(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
