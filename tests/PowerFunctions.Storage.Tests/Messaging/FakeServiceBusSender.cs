using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>
/// A <see cref="ServiceBusSender"/> that records every send. Its batches come from
/// <see cref="ServiceBusModelFactory.ServiceBusMessageBatch"/> and hold at most <see cref="BatchCapacity"/>
/// messages and none of <see cref="TooLarge"/>, standing in for the broker's size limit.
/// </summary>
internal sealed class FakeServiceBusSender : ServiceBusSender
{
    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _batches = [];

    public int BatchCapacity { get; set; } = 100;

    /// <summary>Ids of messages no batch takes (larger than the broker allows).</summary>
    public HashSet<string> TooLarge { get; } = [];

    public List<string> Calls { get; } = [];

    /// <summary>What each send carried, one list per call.</summary>
    public List<List<ServiceBusMessage>> Sent { get; } = [];

    public bool Disposed { get; private set; }

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        Calls.Add("SendMessageAsync");
        Sent.Add([message]);
        return Task.CompletedTask;
    }

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("CreateMessageBatchAsync");
        var store = new List<ServiceBusMessage>();
        var batch = ServiceBusModelFactory.ServiceBusMessageBatch(1024, store, tryAddCallback: m => store.Count < BatchCapacity && !TooLarge.Contains(m.MessageId));
        _batches[batch] = store;
        return ValueTask.FromResult(batch);
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        Calls.Add($"SendMessagesAsync(batch of {messageBatch.Count})");
        Sent.Add([.. _batches[messageBatch]]);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
