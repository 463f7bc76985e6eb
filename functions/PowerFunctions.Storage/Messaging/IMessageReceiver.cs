namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// Receives from one queue or subscription in PeekLock mode (Service Bus's <c>ServiceBusReceiver</c>):
/// a received message is locked to this receiver until <see cref="BusReceivedMessage.LockedUntil"/>,
/// then delivered again (its <see cref="BusReceivedMessage.DeliveryCount"/> raised) unless settled by
/// one of complete, abandon or dead-letter. Settling a message whose lock was lost (it expired and
/// the message was delivered again) throws <see cref="MessageLockLostException"/>.
/// </summary>
public interface IMessageReceiver
{
    /// <summary>The entity path as Service Bus writes it: <c>queue</c>, <c>topic/Subscriptions/sub</c>, plus <c>/$deadletterqueue</c>.</summary>
    string EntityPath { get; }

    /// <summary>
    /// Up to <paramref name="maxMessages"/> messages, waiting at most <paramref name="maxWaitTime"/>
    /// (real time, more than zero) for the first; an empty list when none came.
    /// </summary>
    Task<IReadOnlyList<BusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan maxWaitTime, CancellationToken cancellationToken = default);

    /// <summary>Done: removes the message.</summary>
    Task CompleteMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Failed for a passing cause: releases the lock so the message is delivered again (counted).</summary>
    Task AbandonMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Can never be processed: moves the message to the dead-letter queue with why.</summary>
    Task DeadLetterMessageAsync(BusReceivedMessage message, string reason, string description, CancellationToken cancellationToken = default);
}
