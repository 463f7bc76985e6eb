using System.Collections.Concurrent;
using Azure;

namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// The messaging port on the storage queue port (<see cref="IQueueClient"/>): the SQLite queue of the
/// embedded store, or an Azure Storage queue. How Service Bus maps onto queues:
/// <list type="bullet">
/// <item>a queue or a topic <c>name</c> is the storage queue <c>name</c>; a subscription receiver
/// <c>(topic, subscription)</c> reads the topic's queue <c>topic</c>, whatever the subscription: every
/// subscription of a topic shares one queue (competing consumers, no fan-out; we have one subscriber
/// per topic);</item>
/// <item>the dead-letter queue of <c>name</c> (of a queue, or of any subscription of topic
/// <c>name</c>) is the storage queue <c>name-deadletter</c>;</item>
/// <item>PeekLock is a receive with the lock duration as visibility timeout; complete deletes with the
/// pop receipt; abandon makes the message visible again; the delivery count is the dequeue count; a
/// message received more than <see cref="EmbeddedMessagingOptions.MaxDeliveryCount"/> times goes to
/// the dead-letter queue (reason <c>MaxDeliveryCountExceeded</c>), as Service Bus does;</item>
/// <item>the message and its metadata are one JSON envelope (<see cref="MessageEnvelope"/>); messages
/// never expire.</item>
/// </list>
/// Names must also be valid storage queue names (lower-case letters, digits, single dashes) of at
/// most 52 characters, so that <c>-deadletter</c> fits. Limits: the envelope must fit a storage
/// message (48 KiB of UTF-8: about 40 KB of JSON body). Unlike Service Bus there is no duplicate
/// detection (no atomic check-and-send over the queue port): a consumer must be idempotent, as it
/// must anyway. A late settlement succeeds if nobody received the message again meanwhile (Service
/// Bus refuses it once the lock expired); otherwise it throws <see cref="MessageLockLostException"/>.
/// </summary>
public sealed class EmbeddedMessagingAccount : IMessagingAccount
{
    /// <summary>The suffix of a dead-letter queue's storage queue name.</summary>
    public const string DeadLetterQueueSuffix = "-deadletter";

    /// <summary>The longest queue or topic name this adapter takes (63, Azure's queue name limit, less the suffix).</summary>
    public const int MaxNameLength = 63 - 11;

    private readonly IStorageAccount _storage;
    private readonly EmbeddedMessagingOptions _options;
    private readonly ConcurrentDictionary<string, EmbeddedQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IMessageSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IMessageReceiver> _receivers = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <param name="storage">The account whose queues carry the messages (it stays the caller's to dispose).</param>
    /// <param name="options">Lock duration, max delivery count, polling; defaults as Service Bus's.</param>
    public EmbeddedMessagingAccount(IStorageAccount storage, EmbeddedMessagingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _options = options ?? new EmbeddedMessagingOptions();
        _options.Validate();
        _storage = storage;
    }

    public string Provider => "Embedded";

    public IMessageSender GetSender(string queueOrTopicName)
    {
        ValidateName(queueOrTopicName, nameof(queueOrTopicName));
        return _senders.GetOrAdd(queueOrTopicName, name => new EmbeddedMessageSender(Queue(name)));
    }

    public IMessageReceiver GetReceiver(string queueName, BusSubQueue subQueue = BusSubQueue.None)
    {
        ValidateName(queueName, nameof(queueName));
        return Receiver(queueName, null, subQueue);
    }

    public IMessageReceiver GetReceiver(string topicName, string subscriptionName, BusSubQueue subQueue = BusSubQueue.None)
    {
        ValidateName(topicName, nameof(topicName));
        BusNames.ValidateSubscriptionName(subscriptionName, nameof(subscriptionName));
        return Receiver(topicName, subscriptionName, subQueue);
    }

    /// <summary>Nothing to close: the storage account belongs to the caller. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _senders.Clear();
        _receivers.Clear();
        return ValueTask.CompletedTask;
    }

    private IMessageReceiver Receiver(string name, string? subscription, BusSubQueue subQueue)
    {
        var path = BusNames.ReceiverPath(name, subscription, subQueue);
        return _receivers.GetOrAdd(path, p => subQueue == BusSubQueue.DeadLetter
            ? new EmbeddedMessageReceiver(p, Queue(name + DeadLetterQueueSuffix), null, _options)
            : new EmbeddedMessageReceiver(p, Queue(name), Queue(name + DeadLetterQueueSuffix), _options));
    }

    private EmbeddedQueue Queue(string name) => _queues.GetOrAdd(name, n => new EmbeddedQueue(_storage.GetQueueClient(n)));

    private void ValidateName(string name, string parameterName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BusNames.ValidateEntityName(name, parameterName);
        try
        {
            StorageNames.ValidateContainerOrQueueName(name);
        }
        catch (RequestFailedException e)
        {
            throw new ArgumentException($"'{name}' is not a valid embedded queue or topic name: {e.Message}", parameterName, e);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"'{name}' is longer than {MaxNameLength} characters, leaving no room for '{DeadLetterQueueSuffix}'", parameterName);
        }
    }
}
