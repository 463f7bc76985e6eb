using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Messaging;

/// <summary>Sends through one SDK <see cref="ServiceBusSender"/>: one message as is, several in as few size-checked <see cref="ServiceBusMessageBatch"/>es as fit.</summary>
internal sealed class ServiceBusMessageSender(string entityPath, ServiceBusSender sender) : IMessageSender
{
    public string EntityPath => entityPath;

    internal ServiceBusSender Sdk => sender;

    public Task SendMessageAsync(BusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        BusNames.ValidateMessages([message]);
        return sender.SendMessageAsync(ServiceBusMapping.ToSdk(message), cancellationToken);
    }

    public async Task SendMessagesAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
    {
        BusNames.ValidateMessages(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var message in messages)
            {
                var sdk = ServiceBusMapping.ToSdk(message);
                if (batch.TryAddMessage(sdk))
                {
                    continue;
                }

                if (batch.Count > 0)
                {
                    await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch.Dispose();
                    batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                    if (batch.TryAddMessage(sdk))
                    {
                        continue;
                    }
                }

                throw new ArgumentException($"message '{message.MessageId}' is larger than a Service Bus batch may be ({batch.MaxSizeInBytes} bytes)", nameof(messages));
            }

            await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            batch.Dispose();
        }
    }
}
