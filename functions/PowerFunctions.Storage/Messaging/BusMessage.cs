namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// A message to send (Service Bus's <c>ServiceBusMessage</c>, the fields the app uses).
/// <see cref="MessageId"/> is what the broker's duplicate detection compares: give the same id to
/// every send of the same fact (an event id), a new one to every new fact. Application properties
/// are strings on this port.
/// </summary>
public sealed class BusMessage
{
    /// <summary>Service Bus's limit on a message id, in characters.</summary>
    public const int MaxMessageIdLength = 128;

    public BusMessage(string messageId, BinaryData body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(body);
        if (messageId.Length > MaxMessageIdLength)
        {
            throw new ArgumentException($"a message id holds at most {MaxMessageIdLength} characters", nameof(messageId));
        }

        MessageId = messageId;
        Body = body;
    }

    public string MessageId { get; }

    public BinaryData Body { get; }

    /// <summary>The body's MIME type, e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Service Bus's <c>Subject</c> (formerly Label): what kind of message this is.</summary>
    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyDictionary<string, string> ApplicationProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>A JSON message: UTF-8 body, content type <c>application/json</c>.</summary>
    public static BusMessage Json(string messageId, string json) =>
        new(messageId, BinaryData.FromString(json)) { ContentType = "application/json" };
}
