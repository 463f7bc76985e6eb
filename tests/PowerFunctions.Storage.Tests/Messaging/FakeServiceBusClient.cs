using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>A <see cref="ServiceBusClient"/> that opens no connection: it hands out fakes and records what was asked of it.</summary>
internal sealed class FakeServiceBusClient : ServiceBusClient
{
    public List<string> Calls { get; } = [];

    public Dictionary<string, FakeServiceBusSender> Senders { get; } = [];

    public Dictionary<string, FakeServiceBusReceiver> Receivers { get; } = [];

    public List<ServiceBusReceiverOptions> ReceiverOptions { get; } = [];

    public bool Disposed { get; private set; }

    public override ServiceBusSender CreateSender(string queueOrTopicName)
    {
        Calls.Add($"CreateSender({queueOrTopicName})");
        var sender = new FakeServiceBusSender();
        Senders[queueOrTopicName] = sender;
        return sender;
    }

    public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options)
    {
        Calls.Add($"CreateReceiver({queueName}, {options.SubQueue})");
        ReceiverOptions.Add(options);
        var receiver = new FakeServiceBusReceiver();
        Receivers[queueName + "|" + options.SubQueue] = receiver;
        return receiver;
    }

    public override ServiceBusReceiver CreateReceiver(string topicName, string subscriptionName, ServiceBusReceiverOptions options)
    {
        Calls.Add($"CreateReceiver({topicName}, {subscriptionName}, {options.SubQueue})");
        ReceiverOptions.Add(options);
        var receiver = new FakeServiceBusReceiver();
        Receivers[topicName + "/" + subscriptionName + "|" + options.SubQueue] = receiver;
        return receiver;
    }

    public override ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
