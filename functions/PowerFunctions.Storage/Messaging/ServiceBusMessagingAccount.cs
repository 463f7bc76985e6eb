using System.Collections.Concurrent;
using Azure.Core;
using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// The messaging port on Azure Service Bus (<c>Azure.Messaging.ServiceBus</c>): one
/// <see cref="ServiceBusClient"/> (one AMQP connection) from a connection string or from a namespace
/// and a <see cref="TokenCredential"/> (managed identity: no keys in settings); one SDK sender per
/// queue or topic and one PeekLock receiver (no prefetch: a prefetched message's lock runs while it
/// waits) per queue or subscription, cached and disposed with the account. Duplicate detection by
/// <see cref="BusMessage.MessageId"/> is the entity's setting (<c>requiresDuplicateDetection</c>),
/// set by the Bicep. The broker's <c>MessageLockLost</c> is <see cref="MessageLockLostException"/>.
/// </summary>
public sealed class ServiceBusMessagingAccount : IMessagingAccount
{
    private readonly ServiceBusClient _client;
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusMessageSender>> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusMessageReceiver>> _receivers = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Wraps <paramref name="client"/> and owns it: disposing the account disposes it.</summary>
    public ServiceBusMessagingAccount(ServiceBusClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public string Provider => "ServiceBus";

    /// <summary>From a connection string (<c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…</c>).</summary>
    public static ServiceBusMessagingAccount FromConnectionString(string connectionString, ServiceBusClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new ServiceBusMessagingAccount(new ServiceBusClient(connectionString, options ?? ClientOptions()));
    }

    /// <summary>From a fully qualified namespace (<c>pf.servicebus.windows.net</c>, or <c>pf.servicebus.chinacloudapi.cn</c> in Azure China) and a credential.</summary>
    public static ServiceBusMessagingAccount FromNamespace(string fullyQualifiedNamespace, TokenCredential credential, ServiceBusClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        return new ServiceBusMessagingAccount(new ServiceBusClient(fullyQualifiedNamespace, credential, options ?? ClientOptions()));
    }

    /// <summary>
    /// AMQP over TCP, exponential retries: 3 more tries from 0.8 s up to 10 s apart, each try given
    /// 30 s. A timer-driven drain or an outbox publish that still fails tries again on its next run.
    /// </summary>
    public static ServiceBusClientOptions ClientOptions() => new()
    {
        TransportType = ServiceBusTransportType.AmqpTcp,
        RetryOptions = new ServiceBusRetryOptions
        {
            Mode = ServiceBusRetryMode.Exponential,
            MaxRetries = 3,
            Delay = TimeSpan.FromSeconds(0.8),
            MaxDelay = TimeSpan.FromSeconds(10),
            TryTimeout = TimeSpan.FromSeconds(30),
        },
    };

    /// <summary>PeekLock, no prefetch, on the entity or its dead-letter queue.</summary>
    public static ServiceBusReceiverOptions ReceiverOptions(BusSubQueue subQueue) => new()
    {
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
        PrefetchCount = 0,
        SubQueue = subQueue == BusSubQueue.DeadLetter ? SubQueue.DeadLetter : SubQueue.None,
    };

    public IMessageSender GetSender(string queueOrTopicName)
    {
        ThrowIfDisposed();
        BusNames.ValidateEntityName(queueOrTopicName, nameof(queueOrTopicName));
        return _senders.GetOrAdd(queueOrTopicName, name => new(() => new ServiceBusMessageSender(name, _client.CreateSender(name)))).Value;
    }

    public IMessageReceiver GetReceiver(string queueName, BusSubQueue subQueue = BusSubQueue.None)
    {
        ThrowIfDisposed();
        BusNames.ValidateEntityName(queueName, nameof(queueName));
        var path = BusNames.ReceiverPath(queueName, null, subQueue);
        return _receivers.GetOrAdd(path, p => new(() => new ServiceBusMessageReceiver(p, _client.CreateReceiver(queueName, ReceiverOptions(subQueue))))).Value;
    }

    public IMessageReceiver GetReceiver(string topicName, string subscriptionName, BusSubQueue subQueue = BusSubQueue.None)
    {
        ThrowIfDisposed();
        BusNames.ValidateEntityName(topicName, nameof(topicName));
        BusNames.ValidateSubscriptionName(subscriptionName, nameof(subscriptionName));
        var path = BusNames.ReceiverPath(topicName, subscriptionName, subQueue);
        return _receivers.GetOrAdd(path, p => new(() => new ServiceBusMessageReceiver(p, _client.CreateReceiver(topicName, subscriptionName, ReceiverOptions(subQueue))))).Value;
    }

    /// <summary>Closes every sender and receiver created, then the client (its connection).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var sender in _senders.Values.Where(l => l.IsValueCreated))
        {
            await sender.Value.Sdk.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var receiver in _receivers.Values.Where(l => l.IsValueCreated))
        {
            await receiver.Value.Sdk.DisposeAsync().ConfigureAwait(false);
        }

        _senders.Clear();
        _receivers.Clear();
        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
