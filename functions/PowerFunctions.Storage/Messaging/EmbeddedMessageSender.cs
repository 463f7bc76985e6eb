using System.Text;

namespace PowerFunctions.Storage.Messaging;

/// <summary>Sends each message as one envelope to the storage queue of the queue or topic (see <see cref="EmbeddedMessagingAccount"/>).</summary>
internal sealed class EmbeddedMessageSender(EmbeddedQueue queue) : IMessageSender
{
    /// <summary>What a storage queue message holds, in UTF-8 bytes (48 KiB: the Azure adapter base64-encodes it into Azure's 64 KiB).</summary>
    public const int MaxEnvelopeBytes = 48 * 1024;

    public string EntityPath => queue.Name;

    public Task SendMessageAsync(BusMessage message, CancellationToken cancellationToken = default) =>
        SendMessagesAsync([message], cancellationToken);

    public async Task SendMessagesAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
    {
        BusNames.ValidateMessages(messages);
        var envelopes = messages.Select(m => MessageEnvelope.From(m).Serialize()).ToList();
        for (var i = 0; i < envelopes.Count; i++)
        {
            if (Encoding.UTF8.GetByteCount(envelopes[i]) > MaxEnvelopeBytes)
            {
                throw new ArgumentException($"message '{messages[i].MessageId}' is too large for the embedded queue (its envelope exceeds {MaxEnvelopeBytes} bytes)", nameof(messages));
            }
        }

        var client = await queue.ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var envelope in envelopes)
        {
            await SendAsync(client, envelope, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Enqueues an envelope that never expires (Service Bus's default time to live is unbounded).</summary>
    internal static Task<QueueSendReceipt> SendAsync(IQueueClient client, string envelope, CancellationToken cancellationToken) =>
        client.SendMessageAsync(envelope, visibilityDelay: null, timeToLive: Timeout.InfiniteTimeSpan, cancellationToken);
}
