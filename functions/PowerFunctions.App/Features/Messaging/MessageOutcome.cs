namespace PowerFunctions.App.Features.Messaging;

/// <summary>What a handler decided for one received message; <see cref="MessageDrain"/> settles it so.</summary>
public sealed record MessageOutcome
{
    private MessageOutcome(MessageSettlement settlement, string? reason, string? description)
    {
        Settlement = settlement;
        Reason = reason;
        Description = description;
    }

    /// <summary>Handled (or already handled before: idempotent): remove it.</summary>
    public static MessageOutcome Complete { get; } = new(MessageSettlement.Complete, null, null);

    /// <summary>Failed for a passing cause: deliver it again (the broker dead-letters it after its max delivery count).</summary>
    public static MessageOutcome Abandon { get; } = new(MessageSettlement.Abandon, null, null);

    public MessageSettlement Settlement { get; }

    public string? Reason { get; }

    public string? Description { get; }

    /// <summary>Can never be processed (malformed, refers to nothing): to the dead-letter queue with a stable reason code and a description (no personal data: it is logged).</summary>
    public static MessageOutcome DeadLetter(string reason, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(description);
        return new(MessageSettlement.DeadLetter, reason, description);
    }
}
