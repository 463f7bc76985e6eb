using System.Diagnostics;
using Azure;

namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// PeekLock on a storage queue (see <see cref="EmbeddedMessagingAccount"/> for the mapping). A stale
/// pop receipt (the message was received again after its lock expired, or was settled already) is
/// <see cref="MessageLockLostException"/>.
/// </summary>
internal sealed class EmbeddedMessageReceiver(string entityPath, EmbeddedQueue queue, EmbeddedQueue? deadLetterQueue, EmbeddedMessagingOptions options) : IMessageReceiver
{
    /// <summary>The storage queue port's limit on one receive.</summary>
    private const int MaxPerReceive = 32;

    /// <summary>Service Bus's reason and description when it dead-letters a message after too many deliveries.</summary>
    private const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    public string EntityPath => entityPath;

    public async Task<IReadOnlyList<BusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan maxWaitTime, CancellationToken cancellationToken = default)
    {
        BusNames.ValidateReceive(maxMessages, maxWaitTime);
        var client = await queue.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var pause = options.MinPollInterval;
        while (true)
        {
            var received = await ReceiveOnceAsync(client, Math.Min(maxMessages, MaxPerReceive), cancellationToken).ConfigureAwait(false);
            var left = maxWaitTime - Stopwatch.GetElapsedTime(started);
            if (received.Count > 0 || left <= TimeSpan.Zero)
            {
                return received;
            }

            await Task.Delay(pause < left ? pause : left, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < options.MaxPollInterval ? pause * 2 : options.MaxPollInterval;
        }
    }

    public async Task CompleteMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        var held = Held(message);
        var client = await queue.ReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DeleteMessageAsync(held.QueueMessageId, held.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new MessageLockLostException(EntityPath, message.MessageId, e);
        }
    }

    public async Task AbandonMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default)
    {
        var held = Held(message);
        var client = await queue.ReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.UpdateVisibilityAsync(held.QueueMessageId, held.PopReceipt, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new MessageLockLostException(EntityPath, message.MessageId, e);
        }
    }

    public async Task DeadLetterMessageAsync(BusReceivedMessage message, string reason, string description, CancellationToken cancellationToken = default)
    {
        var held = Held(message);
        BusNames.ValidateDeadLetter(reason, description);
        if (deadLetterQueue is null)
        {
            throw new InvalidOperationException($"'{EntityPath}' is a dead-letter queue: its messages cannot be dead-lettered again");
        }

        var client = await queue.ReadyAsync(cancellationToken).ConfigureAwait(false);
        string pop;
        try
        {
            // Renewing the lock proves we still hold the message before anything is written, and gives
            // the delete below a whole lock duration.
            pop = await client.UpdateVisibilityAsync(held.QueueMessageId, held.PopReceipt, options.LockDuration, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new MessageLockLostException(EntityPath, message.MessageId, e);
        }

        await MoveToDeadLetterAsync(client, held.QueueMessageId, pop, held.Envelope, reason, description, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<BusReceivedMessage>> ReceiveOnceAsync(IQueueClient client, int count, CancellationToken cancellationToken)
    {
        var received = await client.ReceiveMessagesAsync(count, options.LockDuration, cancellationToken).ConfigureAwait(false);
        var messages = new List<BusReceivedMessage>(received.Count);
        foreach (var queued in received)
        {
            var envelope = MessageEnvelope.Read(queued);
            if (deadLetterQueue is not null && queued.DequeueCount > options.MaxDeliveryCount)
            {
                var description = $"Message could not be consumed after {options.MaxDeliveryCount} delivery attempts.";
                await MoveToDeadLetterAsync(client, queued.MessageId, queued.PopReceipt, envelope, MaxDeliveryCountExceeded, description, cancellationToken).ConfigureAwait(false);
                continue;
            }

            messages.Add(new BusReceivedMessage(
                envelope.MessageId,
                envelope.Body,
                checked((int)queued.DequeueCount),
                queued.InsertedOn,
                queued.NextVisibleOn ?? queued.InsertedOn + options.LockDuration)
            {
                ContentType = envelope.ContentType,
                Subject = envelope.Subject,
                CorrelationId = envelope.CorrelationId,
                ApplicationProperties = envelope.Properties ?? [],
                DeadLetterReason = envelope.DeadLetterReason,
                DeadLetterErrorDescription = envelope.DeadLetterErrorDescription,
                Lock = new EmbeddedLock(this, queued.MessageId, queued.PopReceipt, envelope),
            });
        }

        return messages;
    }

    /// <summary>
    /// Writes the envelope with the reason to the dead-letter queue, then deletes the original. A crash
    /// in between leaves both: the original comes back and is dead-lettered again (at-least-once).
    /// </summary>
    private async Task MoveToDeadLetterAsync(IQueueClient client, string queueMessageId, string popReceipt, MessageEnvelope envelope, string reason, string description, CancellationToken cancellationToken)
    {
        var dead = await deadLetterQueue!.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var record = envelope with { DeadLetterReason = reason, DeadLetterErrorDescription = description };
        await EmbeddedMessageSender.SendAsync(dead, record.Serialize(), cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DeleteMessageAsync(queueMessageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new MessageLockLostException(EntityPath, envelope.MessageId, e);
        }
    }

    private EmbeddedLock Held(BusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Lock is EmbeddedLock held && ReferenceEquals(held.Receiver, this)
            ? held
            : throw new ArgumentException($"message '{message.MessageId}' was not received by this receiver of '{EntityPath}'", nameof(message));
    }
}
