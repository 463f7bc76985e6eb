using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>A <see cref="ServiceBusReceiver"/> that answers receives from <see cref="ToReceive"/>, records every call, and throws <see cref="SettleFailure"/> from settlements when set.</summary>
internal sealed class FakeServiceBusReceiver : ServiceBusReceiver
{
    public Queue<IReadOnlyList<ServiceBusReceivedMessage>> ToReceive { get; } = new();

    public List<string> Calls { get; } = [];

    /// <summary>The SDK messages passed to settlements, in order.</summary>
    public List<ServiceBusReceivedMessage> Settled { get; } = [];

    public Exception? SettleFailure { get; set; }

    public bool Disposed { get; private set; }

    public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"ReceiveMessagesAsync({maxMessages}, {maxWaitTime})");
        return Task.FromResult(ToReceive.Count > 0 ? ToReceive.Dequeue() : (IReadOnlyList<ServiceBusReceivedMessage>)[]);
    }

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        Settle($"CompleteMessageAsync({message.MessageId})", message);

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        Settle($"AbandonMessageAsync({message.MessageId}, {(propertiesToModify is null ? "null" : "properties")})", message);

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        Settle($"DeadLetterMessageAsync({message.MessageId}, {deadLetterReason}, {deadLetterErrorDescription})", message);

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the adapter must dead-letter with a reason and a description");

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify, string? deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the adapter must dead-letter with a reason and a description only");

    public override ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task Settle(string call, ServiceBusReceivedMessage message)
    {
        Calls.Add(call);
        Settled.Add(message);
        return SettleFailure is null ? Task.CompletedTask : Task.FromException(SettleFailure);
    }
}
