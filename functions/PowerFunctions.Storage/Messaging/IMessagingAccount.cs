namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// A message broker namespace: the subset of <c>Azure.Messaging.ServiceBus.ServiceBusClient</c> the
/// app needs. Senders and receivers are created once per entity, cached, and disposed with the
/// account. Two adapters: <see cref="ServiceBusMessagingAccount"/> (Azure Service Bus) and
/// <see cref="EmbeddedMessagingAccount"/> (the storage queue port, e.g. the SQLite data file).
/// Delivery is at-least-once on both: a consumer must be idempotent.
/// </summary>
public interface IMessagingAccount : IAsyncDisposable
{
    /// <summary>"ServiceBus" or "Embedded", as reported by the health endpoint.</summary>
    string Provider { get; }

    /// <summary>The sender of a queue or a topic.</summary>
    IMessageSender GetSender(string queueOrTopicName);

    /// <summary>A PeekLock receiver of a queue, or of its dead-letter sub-queue.</summary>
    IMessageReceiver GetReceiver(string queueName, BusSubQueue subQueue = BusSubQueue.None);

    /// <summary>A PeekLock receiver of a topic's subscription, or of its dead-letter sub-queue.</summary>
    IMessageReceiver GetReceiver(string topicName, string subscriptionName, BusSubQueue subQueue = BusSubQueue.None);
}
