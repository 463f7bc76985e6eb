using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Tests.Outbox;

/// <summary>A messaging account whose sends fail while <see cref="Down"/> is set (the broker unreachable); otherwise the inner account's.</summary>
internal sealed class FailingMessaging(IMessagingAccount inner) : IMessagingAccount
{
    public bool Down { get; set; } = true;

    public int FailedSends { get; private set; }

    public string Provider => inner.Provider;

    public IMessageSender GetSender(string queueOrTopicName) => new Sender(this, inner.GetSender(queueOrTopicName));

    public IMessageReceiver GetReceiver(string queueName, BusSubQueue subQueue = BusSubQueue.None) => inner.GetReceiver(queueName, subQueue);

    public IMessageReceiver GetReceiver(string topicName, string subscriptionName, BusSubQueue subQueue = BusSubQueue.None) => inner.GetReceiver(topicName, subscriptionName, subQueue);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Sender(FailingMessaging owner, IMessageSender inner) : IMessageSender
    {
        public string EntityPath => inner.EntityPath;

        public Task SendMessageAsync(BusMessage message, CancellationToken cancellationToken = default) => SendMessagesAsync([message], cancellationToken);

        public Task SendMessagesAsync(IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
        {
            if (owner.Down)
            {
                owner.FailedSends++;
                return Task.FromException(new TimeoutException("the broker did not answer"));
            }

            return inner.SendMessagesAsync(messages, cancellationToken);
        }
    }
}
