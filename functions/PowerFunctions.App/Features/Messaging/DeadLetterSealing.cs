using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Messaging;

/// <summary>
/// Given to <see cref="MessageDrain"/>
/// for an entity whose bodies hold personal data: nothing reaches its dead-letter queue but a <see cref="DeadLetterSeal"/>ed
/// copy, sent through <paramref name="Entity"/>'s own sender (<paramref name="Requeue"/>).
/// </summary>
public sealed record DeadLetterSealing(string Entity, IMessageSender Requeue, DeadLetterSeal Seal);
