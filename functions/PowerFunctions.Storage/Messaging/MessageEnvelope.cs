using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace PowerFunctions.Storage.Messaging;

/// <summary>
/// How the embedded adapter keeps a message in a storage queue: one JSON object,
/// <c>{"pf-bus":1, "messageId", "contentType"?, "subject"?, "correlationId"?, "properties"?,
/// "text" | "base64", "deadLetterReason"?, "deadLetterErrorDescription"?}</c>. A body that is valid
/// UTF-8 is kept as <c>text</c> (readable in the data file), any other as <c>base64</c>. A queue
/// message that is not an envelope (someone wrote plain text or JSON to the queue) is read as a
/// message whose body is that text and whose id is the queue message's.
/// </summary>
internal sealed record MessageEnvelope
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Chinese text stays one UTF-8 character, not a \u escape: the queue counts bytes. Never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonPropertyName("pf-bus")]
    public int Format { get; init; }

    public required string MessageId { get; init; }

    public string? ContentType { get; init; }

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public Dictionary<string, string>? Properties { get; init; }

    public string? Text { get; init; }

    public string? Base64 { get; init; }

    public string? DeadLetterReason { get; init; }

    public string? DeadLetterErrorDescription { get; init; }

    [JsonIgnore]
    public BinaryData Body => Text is not null ? BinaryData.FromString(Text) : BinaryData.FromBytes(Convert.FromBase64String(Base64 ?? string.Empty));

    public static MessageEnvelope From(BusMessage message)
    {
        var bytes = message.Body.ToMemory().Span;
        var text = Utf8.IsValid(bytes);
        return new MessageEnvelope
        {
            Format = CurrentFormat,
            MessageId = message.MessageId,
            ContentType = message.ContentType,
            Subject = message.Subject,
            CorrelationId = message.CorrelationId,
            Properties = message.ApplicationProperties.Count == 0 ? null : new Dictionary<string, string>(message.ApplicationProperties, StringComparer.Ordinal),
            Text = text ? message.Body.ToString() : null,
            Base64 = text ? null : Convert.ToBase64String(bytes),
        };
    }

    /// <summary>The envelope in <paramref name="queueMessage"/>, or the plain text as a message of its own.</summary>
    public static MessageEnvelope Read(QueueMessage queueMessage)
    {
        var text = queueMessage.MessageText;
        if (text.StartsWith('{') && text.Contains("\"pf-bus\"", StringComparison.Ordinal))
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<MessageEnvelope>(text, Json);
                if (envelope is { Format: CurrentFormat, MessageId.Length: > 0 } && (envelope.Text is not null || envelope.Base64 is not null))
                {
                    return envelope;
                }
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                // not ours after all: read it as plain text below
            }
        }

        return new MessageEnvelope { Format = CurrentFormat, MessageId = queueMessage.MessageId, Text = text };
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);
}
