namespace PowerFunctions.Storage.Messaging;

/// <summary>Sends to one queue or topic (Service Bus's <c>ServiceBusSender</c>).</summary>
public interface IMessageSender
{
    /// <summary>The queue or topic name.</summary>
    string EntityPath { get; }

    Task SendMessageAsync(BusMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends every message, in order. Not atomic: the Service Bus adapter packs them into as few broker
    /// batches as fit, so a failure may leave the first batches sent. Sending again is safe where the
    /// entity detects duplicates by <see cref="BusMessage.MessageId"/>.
    /// </summary>
    Task SendMessagesAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default);
}
