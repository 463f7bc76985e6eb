using System.Text;
using System.Text.Json.Serialization;
using PowerFunctions.App.PersonalData;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// What the standalone queue runner writes to <c>&lt;queue&gt;-poison</c>: why and when the message was given
/// up on, in the clear, and the original message text <b>sealed</b> (<see cref="SealedMessage"/>): encrypted whole
/// by the personal-data protector (same keys, key id in the value, so rotation applies) and bound to the queue
/// and message id. A poisoned application carries the applicant's name, identity number and phone; sealed, the
/// poison queue holds none of them in the clear, and an operator holding the keys can still read or replay the
/// message byte for byte (<see cref="PoisonSeal.Open"/>). Service Bus keeps the same as dead-letter properties
/// (<see cref="Features.Messaging.DeadLetterSeal"/>).
/// </summary>
public sealed record PoisonRecord(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("function")] string Function,
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("dequeueCount")] long DequeueCount,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("poisonedAt")] DateTimeOffset PoisonedAt,
    [property: JsonPropertyName("sealedMessage")] string SealedMessage);

/// <summary>Seals and opens the message text of a <see cref="PoisonRecord"/>.</summary>
public sealed class PoisonSeal(PersonalDataProtector protector)
{
    /// <summary>The record of <paramref name="messageText"/>, taken off <paramref name="queue"/> by <paramref name="function"/>, its text sealed.</summary>
    public PoisonRecord Seal(string queue, string function, string messageId, long dequeueCount, string reason, DateTimeOffset poisonedAt, string messageText) =>
        new(queue, function, messageId, dequeueCount, reason, poisonedAt, protector.ProtectBytes(Encoding.UTF8.GetBytes(messageText), Context(queue, messageId)));

    /// <summary>The original message text, for diagnosis or replay; null when it does not open (moved from another queue or message, a key no longer listed).</summary>
    public string? Open(PoisonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return protector.RevealBytes(record.SealedMessage, Context(record.Queue, record.MessageId)) is { } text ? Encoding.UTF8.GetString(text) : null;
    }

    private static string Context(string queue, string messageId) => $"poison/{queue}/{messageId}";
}
