using System.Diagnostics;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Messaging;

/// <summary>
/// Drains a queue in PeekLock batches for a timer function (the Service Bus trigger extension is not
/// on our feed): receives up to <see cref="DrainOptions.BatchSize"/>, hands each message to the
/// handler, settles it as the handler decided, and goes on while messages come and the
/// <see cref="DrainOptions.Budget"/> lasts. A message to abandon (the handler's choice, or the handler
/// threw: a passing cause) is held locked until the run ends and abandoned then, so it comes back at
/// the next run, not at once: one delivery per run, and the broker dead-letters it after its max
/// delivery count (10 runs, 100 s at one run every 10 s). A handler must return
/// <see cref="MessageOutcome.DeadLetter"/> itself for a message that can never be processed. A lost lock is counted and logged: the message comes again, and the handler, being
/// idempotent, has one effect. Logs name messages by id only, never their body (a 举报 carries the
/// reporter's name). With a <see cref="DeadLetterSealing"/> (entities whose bodies hold personal data) nothing is
/// dead-lettered as it is: a sealed copy is sent and the original completed, the copy moved to the dead-letter queue
/// when it comes, and a message abandoned on its last delivery (<see cref="DrainOptions.MaxDeliveryCount"/>) is
/// sealed too rather than left for the broker (<see cref="DeadLetterSeal"/>).
/// </summary>
public sealed class MessageDrain(ILogger<MessageDrain> logger)
{
    /// <summary>The reason of a message given up on after its last delivery, as Service Bus writes it.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    public Task<DrainResult> DrainAsync(
        IMessageReceiver receiver,
        Func<BusReceivedMessage, CancellationToken, Task<MessageOutcome>> handler,
        DrainOptions options,
        CancellationToken cancellationToken) =>
        DrainAsync(receiver, handler, options, null, cancellationToken);

    public async Task<DrainResult> DrainAsync(
        IMessageReceiver receiver,
        Func<BusReceivedMessage, CancellationToken, Task<MessageOutcome>> handler,
        DrainOptions options,
        DeadLetterSealing? sealing,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        int completed = 0, abandoned = 0, deadLettered = 0, lockLost = 0;
        var toAbandon = new List<BusReceivedMessage>();
        while (Stopwatch.GetElapsedTime(started) < options.Budget)
        {
            var batch = await receiver.ReceiveMessagesAsync(options.BatchSize, options.MaxWait, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                if (sealing is not null && DeadLetterSeal.IsSealed(message))
                {
                    // The second half of a sealed dead-lettering, counted with its first.
                    lockLost += await SettleAsync(receiver, message, DeadLetterSeal.OutcomeOf(message), cancellationToken).ConfigureAwait(false) ? 0 : 1;
                    continue;
                }

                var outcome = await HandleAsync(receiver, handler, message, cancellationToken).ConfigureAwait(false);
                if (sealing is not null && outcome.Settlement == MessageSettlement.Abandon && message.DeliveryCount >= options.MaxDeliveryCount)
                {
                    outcome = MessageOutcome.DeadLetter(MaxDeliveryCountExceeded, $"not completed after {message.DeliveryCount} deliveries (the entity's maximum); see the earlier warnings for this message id");
                }

                if (sealing is not null && outcome.Settlement == MessageSettlement.DeadLetter)
                {
                    if (await SealAsync(receiver, sealing, message, outcome, cancellationToken).ConfigureAwait(false))
                    {
                        deadLettered++;
                    }
                    else
                    {
                        lockLost++;
                    }
                }
                else if (outcome.Settlement == MessageSettlement.Abandon)
                {
                    toAbandon.Add(message);
                }
                else if (!await SettleAsync(receiver, message, outcome, cancellationToken).ConfigureAwait(false))
                {
                    lockLost++;
                }
                else if (outcome.Settlement == MessageSettlement.Complete)
                {
                    completed++;
                }
                else
                {
                    deadLettered++;
                }
            }
        }

        foreach (var message in toAbandon)
        {
            if (await SettleAsync(receiver, message, MessageOutcome.Abandon, cancellationToken).ConfigureAwait(false))
            {
                abandoned++;
            }
            else
            {
                lockLost++;
            }
        }

        var result = new DrainResult(completed, abandoned, deadLettered, lockLost);
        if (result.Received > 0)
        {
            logger.LogInformation("Drained {Entity}: {Completed} completed, {Abandoned} abandoned, {DeadLettered} dead-lettered, {LockLost} lost their lock", receiver.EntityPath, completed, abandoned, deadLettered, lockLost);
        }

        return result;
    }

    private async Task<MessageOutcome> HandleAsync(IMessageReceiver receiver, Func<BusReceivedMessage, CancellationToken, Task<MessageOutcome>> handler, BusReceivedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Message {MessageId} of {Entity} failed (delivery {DeliveryCount}); abandoned for redelivery", message.MessageId, receiver.EntityPath, message.DeliveryCount);
            return MessageOutcome.Abandon;
        }
    }

    /// <summary>
    /// Dead-letters <paramref name="message"/> sealed: its sealed copy sent to the entity, then the original completed
    /// (a crash between leaves both: the original is sealed again, the copy's id is the same, so Service Bus's
    /// duplicate detection keeps one). False when the lock was lost.
    /// </summary>
    private async Task<bool> SealAsync(IMessageReceiver receiver, DeadLetterSealing sealing, BusReceivedMessage message, MessageOutcome outcome, CancellationToken cancellationToken)
    {
        logger.LogWarning("Message {MessageId} of {Entity} dead-lettered with its body sealed: {Reason} ({Description})", message.MessageId, receiver.EntityPath, outcome.Reason, outcome.Description);
        await sealing.Requeue.SendMessageAsync(sealing.Seal.Seal(sealing.Entity, message, outcome.Reason!, outcome.Description!), cancellationToken).ConfigureAwait(false);
        try
        {
            await receiver.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MessageLockLostException)
        {
            logger.LogWarning("Message {MessageId} of {Entity} lost its lock after its sealed copy was sent; it is delivered again and sealed again", message.MessageId, receiver.EntityPath);
            return false;
        }
    }

    /// <summary>Settles as decided; false when the lock was lost (the message comes again).</summary>
    private async Task<bool> SettleAsync(IMessageReceiver receiver, BusReceivedMessage message, MessageOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            switch (outcome.Settlement)
            {
                case MessageSettlement.Complete:
                    await receiver.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                case MessageSettlement.Abandon:
                    await receiver.AbandonMessageAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    logger.LogWarning("Message {MessageId} of {Entity} dead-lettered: {Reason} ({Description})", message.MessageId, receiver.EntityPath, outcome.Reason, outcome.Description);
                    await receiver.DeadLetterMessageAsync(message, outcome.Reason!, outcome.Description!, cancellationToken).ConfigureAwait(false);
                    break;
            }

            return true;
        }
        catch (MessageLockLostException)
        {
            logger.LogWarning("Message {MessageId} of {Entity} lost its lock before being settled ({Settlement}); it is delivered again", message.MessageId, receiver.EntityPath, outcome.Settlement);
            return false;
        }
    }
}
