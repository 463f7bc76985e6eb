using System.Globalization;
using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Messaging;

/// <summary>Port messages to and from the SDK's.</summary>
internal static class ServiceBusMapping
{
    public static ServiceBusMessage ToSdk(BusMessage message)
    {
        var sdk = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            ContentType = message.ContentType,
            Subject = message.Subject,
            CorrelationId = message.CorrelationId,
        };
        foreach (var (name, value) in message.ApplicationProperties)
        {
            sdk.ApplicationProperties[name] = value;
        }

        return sdk;
    }

    public static BusReceivedMessage FromSdk(ServiceBusReceivedMessage message, ServiceBusLock held) =>
        new(message.MessageId ?? string.Empty, message.Body, message.DeliveryCount, message.EnqueuedTime, message.LockedUntil)
        {
            ContentType = message.ContentType,
            Subject = message.Subject,
            CorrelationId = message.CorrelationId,
            ApplicationProperties = message.ApplicationProperties.ToDictionary(p => p.Key, p => Text(p.Value), StringComparer.Ordinal),
            DeadLetterReason = message.DeadLetterReason,
            DeadLetterErrorDescription = message.DeadLetterErrorDescription,
            Lock = held,
        };

    /// <summary>A property value of any AMQP type as text: invariant numbers, lower-case booleans, ISO 8601 instants, base64 bytes.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
