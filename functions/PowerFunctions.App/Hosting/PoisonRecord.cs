using System.Text.Json.Serialization;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// What the standalone queue runner writes to <c>&lt;queue&gt;-poison</c>: the original message text
/// untouched, and why and when it was given up on (Service Bus keeps the same as dead-letter properties).
/// </summary>
public sealed record PoisonRecord(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("function")] string Function,
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("dequeueCount")] long DequeueCount,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("poisonedAt")] DateTimeOffset PoisonedAt,
    [property: JsonPropertyName("messageText")] string MessageText);
