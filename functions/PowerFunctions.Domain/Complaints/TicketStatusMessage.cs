namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// One status message to the hotline (Service Bus topic <c>ticket-status</c>), derived from a state or owner
/// change of a hotline ticket (<see cref="TicketStatusMessages.For"/>): <see cref="MessageId"/> is stable per
/// event (<c>{ticketNo}-{seq}</c>) for duplicate detection, <see cref="State"/> the API state, <see cref="At"/>
/// the event's instant, <see cref="Department"/> the owner, <see cref="AnswerSummary"/> the first 200
/// characters of the answer when answered. It never carries the filer's name or contact.
/// </summary>
public sealed record TicketStatusMessage(
    string MessageId,
    string TicketNo,
    string HotlineTicketId,
    long Seq,
    string State,
    DateTimeOffset At,
    string? Department,
    string? AnswerSummary);
