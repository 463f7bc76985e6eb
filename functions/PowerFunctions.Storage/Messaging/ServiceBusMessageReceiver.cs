using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Messaging;

/// <summary>PeekLock through one SDK <see cref="ServiceBusReceiver"/>; settles with the SDK message it received.</summary>
internal sealed class ServiceBusMessageReceiver(string entityPath, ServiceBusReceiver receiver) : IMessageReceiver
{
    public string EntityPath => entityPath;

    internal ServiceBusReceiver Sdk => receiver;

    public async Task<IReadOnlyList<BusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan maxWaitTime, CancellationToken cancellationToken = default)
    {
        BusNames.ValidateReceive(maxMessages, maxWaitTime);
        var received = await receiver.ReceiveMessagesAsync(maxMessages, maxWaitTime, cancellationToken).ConfigureAwait(false);
        return [.. received.Select(m => ServiceBusMapping.FromSdk(m, new ServiceBusLock(this, m)))];
    }

    public Task CompleteMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default) =>
        SettleAsync(message, m => receiver.CompleteMessageAsync(m, cancellationToken));

    public Task AbandonMessageAsync(BusReceivedMessage message, CancellationToken cancellationToken = default) =>
        SettleAsync(message, m => receiver.AbandonMessageAsync(m, propertiesToModify: null, cancellationToken));

    public Task DeadLetterMessageAsync(BusReceivedMessage message, string reason, string description, CancellationToken cancellationToken = default)
    {
        BusNames.ValidateDeadLetter(reason, description);
        return SettleAsync(message, m => receiver.DeadLetterMessageAsync(m, reason, description, cancellationToken));
    }

    private async Task SettleAsync(BusReceivedMessage message, Func<ServiceBusReceivedMessage, Task> settle)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Lock is not ServiceBusLock held || !ReferenceEquals(held.Receiver, this))
        {
            throw new ArgumentException($"message '{message.MessageId}' was not received by this receiver of '{EntityPath}'", nameof(message));
        }

        try
        {
            await settle(held.Message).ConfigureAwait(false);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            throw new MessageLockLostException(EntityPath, message.MessageId, e);
        }
    }
}
