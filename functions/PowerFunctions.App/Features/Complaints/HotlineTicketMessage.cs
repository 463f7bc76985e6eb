using System.Text.Json.Serialization;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// A ticket of the 12345 hotline on the Service Bus queue <c>hotline-tickets</c> (API.md): the complaint body
/// (<see cref="ComplaintRequest"/>'s fields) plus the hotline's own id <c>hotlineTicketId</c>. The earlier message
/// names are read as aliases: <c>ticketId</c> for hotlineTicketId, <c>content</c> for description, <c>caller</c> for
/// contact; <c>channel</c> and <c>receivedAt</c> are ignored (the channel is the queue, and the clocks start when
/// the platform receives the ticket).
/// </summary>
public sealed record HotlineTicketMessage
{
    public string? HotlineTicketId { get; init; }

    public string? TicketId { get; init; }

    public string? Category { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public string? Content { get; init; }

    public string? Department { get; init; }

    public string? ItemCode { get; init; }

    public string? CaseNo { get; init; }

    public ContactBody? Contact { get; init; }

    public ContactBody? Caller { get; init; }

    public bool? Anonymous { get; init; }

    public LocationBody? Location { get; init; }

    [JsonIgnore]
    public string? Id => HotlineTicketId ?? TicketId;

    /// <summary>The message as the complaint body it carries.</summary>
    public ComplaintRequest ToRequest() =>
        new(Category, Subject, Description ?? Content, Department, ItemCode, CaseNo, Contact ?? Caller, Anonymous, Location);
}
