using System.Text.RegularExpressions;

namespace PowerFunctions.Storage.Messaging;

/// <summary>Service Bus's naming rules and the port's argument checks, shared by both adapters.</summary>
public static partial class BusNames
{
    /// <summary>The part of an entity path naming a topic's subscription.</summary>
    public const string SubscriptionsSegment = "/Subscriptions/";

    /// <summary>The suffix of a dead-letter sub-queue's path.</summary>
    public const string DeadLetterSuffix = "/$deadletterqueue";

    /// <summary>Queue and topic names: letters, digits, <c>.-_</c>, 1–260, starting and ending with a letter or digit.</summary>
    public static void ValidateEntityName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!EntityName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid queue or topic name (letters, digits, . - _, 1-260, starting and ending with a letter or digit)", parameterName);
        }
    }

    /// <summary>Subscription names: letters, digits, <c>.-_</c>, 1–50, starting and ending with a letter or digit.</summary>
    public static void ValidateSubscriptionName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!SubscriptionName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid subscription name (letters, digits, . - _, 1-50, starting and ending with a letter or digit)", parameterName);
        }
    }

    /// <summary>The entity path Service Bus gives a receiver.</summary>
    public static string ReceiverPath(string queueOrTopic, string? subscription, BusSubQueue subQueue) =>
        (subscription is null ? queueOrTopic : queueOrTopic + SubscriptionsSegment + subscription)
        + (subQueue == BusSubQueue.DeadLetter ? DeadLetterSuffix : string.Empty);

    internal static void ValidateReceive(int maxMessages, TimeSpan maxWaitTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxWaitTime, TimeSpan.Zero);
    }

    internal static void ValidateDeadLetter(string reason, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(description);
    }

    internal static void ValidateMessages(IReadOnlyList<BusMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            foreach (var name in message.ApplicationProperties.Keys)
            {
                if (string.IsNullOrEmpty(name))
                {
                    throw new ArgumentException($"message '{message.MessageId}' has an application property with no name", nameof(messages));
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,258}[A-Za-z0-9])?$")]
    private static partial Regex EntityName();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?$")]
    private static partial Regex SubscriptionName();
}
