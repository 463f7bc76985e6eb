using System.Text.Json;
using Azure;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// <see cref="IHotlineInbox"/> on the storage queue <c>hotline-tickets</c> of the configured storage (the
/// embedded store locally): a receive hides a message for <see cref="LockDuration"/> (its lock), complete
/// deletes it, abandon makes it visible again at once, dead-letter copies it with the reason to
/// <c>hotline-tickets-poison</c> (a <see cref="PoisonRecord"/>) before deleting it.
/// </summary>
public sealed class StorageQueueHotlineInbox(IStorageAccount storage, TimeProvider clock, ILogger<StorageQueueHotlineInbox> logger) : IHotlineInbox
{
    public const string QueueName = "hotline-tickets";
    public const string DeadLetterQueueName = QueueName + QueueRunner.PoisonSuffix;

    /// <summary>How long a received message stays locked (hidden) while it is handled.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(60);

    private IQueueClient Queue => storage.GetQueueClient(QueueName);

    public async Task<IReadOnlyList<HotlineMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var received = await Queue.ReceiveMessagesAsync(maxMessages, LockDuration, cancellationToken).ConfigureAwait(false);
        return received.Select(m => new HotlineMessage(m.MessageId, m.MessageText, m.DequeueCount, m.PopReceipt)).ToList();
    }

    public async Task CompleteAsync(HotlineMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.LockToken, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogWarning("Hotline message {MessageId} outlived its lock; it will be delivered again (and stored once)", message.MessageId);
        }
    }

    public async Task AbandonAsync(HotlineMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await Queue.UpdateVisibilityAsync(message.MessageId, message.LockToken, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The lock ran out meanwhile: the message is back already.
        }
    }

    public async Task DeadLetterAsync(HotlineMessage message, string reason, CancellationToken cancellationToken)
    {
        var record = new PoisonRecord(QueueName, "HotlineIntake", message.MessageId, message.DeliveryCount, reason, clock.GetUtcNow(), message.Body);
        await storage.GetQueueClient(DeadLetterQueueName).SendMessageAsync(JsonSerializer.Serialize(record), cancellationToken: cancellationToken).ConfigureAwait(false);
        await CompleteAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
