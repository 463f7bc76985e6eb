namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// An event to publish after its aggregate's commit. <see cref="EventId"/> becomes the message's
/// <c>MessageId</c> (the broker drops a repeat within its duplicate-detection window); it is unique
/// per event, at most 128 characters, without <c>/ \ # ?</c> or control characters, and sorts in the
/// order the events should leave in (e.g. <c>{ticketNo}-e-{seq:D9}</c>): an aggregate's pending
/// events are sent in event-id order. <see cref="Destination"/> is a queue or topic name.
/// </summary>
public sealed record OutboxMessage(string EventId, string Destination, string Body)
{
    public string? ContentType { get; init; } = "application/json";

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
