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
/// reporter's name).
/// </summary>
public sealed class MessageDrain(ILogger<MessageDrain> logger)
{
    public async Task<DrainResult> DrainAsync(
        IMessageReceiver receiver,
        Func<BusReceivedMessage, CancellationToken, Task<MessageOutcome>> handler,
        DrainOptions options,
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
                var outcome = await HandleAsync(receiver, handler, message, cancellationToken).ConfigureAwait(false);
                if (outcome.Settlement == MessageSettlement.Abandon)
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
