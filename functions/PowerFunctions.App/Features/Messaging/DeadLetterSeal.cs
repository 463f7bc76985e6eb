using PowerFunctions.App.PersonalData;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Messaging;

/// <summary>
/// What a dead-letter queue keeps of a message whose body holds personal data (a 12345 hotline ticket: the
/// caller's name and phone, a 举报's reporter): the whole body encrypted with the personal-data protector (same
/// keys, key id in the value, so rotation applies), bound to the entity and the original message id. Everything
/// an operator needs to diagnose stays readable beside it: the reason and description (as dead-letter reason and
/// as application properties), the original message id, subject, correlation id and content type. To replay,
/// <see cref="Open"/> gives the original body back byte for byte (someone holding the keys: the app, or a tool
/// run with its configuration), to be sent again to the entity.
/// <para>
/// Why encrypted rather than redacted: a redacted body cannot be replayed (the caller's contact is the point of
/// the ticket), and the reason alone does not always say which field was wrong. Service Bus cannot change a
/// message's body when dead-lettering it, so a drain given a <see cref="DeadLetterSealing"/> sends this sealed
/// copy to the entity and completes the original; the copy is moved to the dead-letter queue as soon as it is
/// received (<see cref="MessageDrain"/>).
/// </para>
/// </summary>
public sealed class DeadLetterSeal(PersonalDataProtector protector)
{
    /// <summary>On the sealed copy: the dead-letter reason it is to be moved with.</summary>
    public const string ReasonProperty = "pf-dead-letter-reason";

    /// <summary>On the sealed copy: the description it is to be moved with.</summary>
    public const string DescriptionProperty = "pf-dead-letter-description";

    /// <summary>On the sealed copy: the id of the message it seals (bound into the ciphertext).</summary>
    public const string OriginalIdProperty = "pf-original-message-id";

    /// <summary>On the sealed copy: the content type of the original body.</summary>
    public const string OriginalContentTypeProperty = "pf-original-content-type";

    /// <summary>The content type of a sealed body (a <c>pd1:</c> value, see <see cref="PersonalDataProtector"/>).</summary>
    public const string SealedContentType = "application/vnd.powerfunctions.sealed";

    private const string IdPrefix = "sealed-";

    /// <summary>Whether <paramref name="message"/> is a sealed copy waiting to be moved to the dead-letter queue.</summary>
    public static bool IsSealed(BusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApplicationProperties.ContainsKey(ReasonProperty);
    }

    /// <summary>The dead-lettering a sealed copy carries.</summary>
    public static MessageOutcome OutcomeOf(BusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MessageOutcome.DeadLetter(message.ApplicationProperties[ReasonProperty], message.ApplicationProperties.GetValueOrDefault(DescriptionProperty) ?? string.Empty);
    }

    /// <summary>The sealed copy of <paramref name="message"/> of <paramref name="entity"/>, to be dead-lettered with <paramref name="reason"/>.</summary>
    public BusMessage Seal(string entity, BusReceivedMessage message, string reason, string description)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = new Dictionary<string, string>(message.ApplicationProperties, StringComparer.Ordinal)
        {
            [ReasonProperty] = reason,
            [DescriptionProperty] = description,
            [OriginalIdProperty] = message.MessageId,
        };
        if (message.ContentType is { } contentType)
        {
            properties[OriginalContentTypeProperty] = contentType;
        }

        var id = IdPrefix + message.MessageId;
        var body = protector.ProtectBytes(message.Body.ToArray(), Context(entity, message.MessageId));
        return new BusMessage(id.Length <= BusMessage.MaxMessageIdLength ? id : id[..BusMessage.MaxMessageIdLength], BinaryData.FromString(body))
        {
            ContentType = SealedContentType,
            Subject = message.Subject,
            CorrelationId = message.CorrelationId,
            ApplicationProperties = properties,
        };
    }

    /// <summary>
    /// The original body of a sealed message read from the dead-letter queue of <paramref name="entity"/>, for
    /// diagnosis or replay; null when it is not a sealed message or does not open (another entity, a key no longer listed).
    /// </summary>
    public BinaryData? Open(string entity, BusReceivedMessage dead)
    {
        ArgumentNullException.ThrowIfNull(dead);
        return dead.ApplicationProperties.TryGetValue(OriginalIdProperty, out var originalId)
            && protector.RevealBytes(dead.Body.ToString(), Context(entity, originalId)) is { } body
            ? BinaryData.FromBytes(body)
            : null;
    }

    private static string Context(string entity, string messageId) => $"deadletter/{entity}/{messageId}";
}
