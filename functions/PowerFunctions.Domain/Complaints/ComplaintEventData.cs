using System.Text.Json.Serialization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The data of one ticket event, by type. Dates are China local dates. <see cref="Document"/> is set by
/// the app once the event's document (the 答复意见书) is issued, before the event is committed.
/// </summary>
public abstract record ComplaintEventData
{
    [JsonPropertyOrder(100)]
    public RecordedDocument? Document { get; init; }

    /// <summary>The ticket was received, routed to <paramref name="Department"/> (null: none yet) under <paramref name="Terms"/>.</summary>
    public sealed record Received(
        ComplaintChannel Channel,
        ComplaintCategory Category,
        string Subject,
        string Description,
        ComplaintContact? Contact,
        bool Anonymous,
        string? HotlineTicketId,
        string? ItemCode,
        string? CaseNo,
        ComplaintLocation? Location,
        string? Department,
        RouteSource Route,
        ComplaintTerms Terms,
        DateOnly ReceivedOn,
        string QueryCode,
        string? FilerSubject) : ComplaintEventData;

    /// <summary>The hotline or a supervisor sent the ticket to its first department.</summary>
    public sealed record Assigned(string Department, DateOnly On) : ComplaintEventData;

    /// <summary>The owner asked <paramref name="To"/> to take the ticket over; it stays with the owner until accepted.</summary>
    public sealed record TransferRequested(string From, string To, string Reason, DateOnly On) : ComplaintEventData;

    /// <summary><paramref name="Department"/> accepted the ticket; from a transfer when <paramref name="TransferredFrom"/> is set.</summary>
    public sealed record Accepted(string Department, string? TransferredFrom, DateOnly On) : ComplaintEventData;

    /// <summary>The filer was told why it takes time and by when (<paramref name="ExpectedBy"/>); <paramref name="Extends"/> when that moves the answer due date.</summary>
    public sealed record Explained(DateOnly ExpectedBy, string Reason, DateOnly On, int Round, bool Extends) : ComplaintEventData;

    /// <summary>The answer of round <paramref name="Round"/>, issued as a sealed 答复意见书.</summary>
    public sealed record Answered(string Answer, DateOnly On, int Round) : ComplaintEventData;

    /// <summary>The follow-up (回访) of round <paramref name="Round"/>.</summary>
    public sealed record FollowedUp(bool Satisfied, string? Note, DateOnly On, int Round) : ComplaintEventData;

    /// <summary>Reopened after a dissatisfied follow-up: round <paramref name="Round"/> and its answer clock start on <paramref name="On"/>.</summary>
    public sealed record Reopened(string Reason, DateOnly On, int Round) : ComplaintEventData;

    public sealed record Closed(DateOnly On) : ComplaintEventData;

    /// <summary>A deadline moved because the official schedule of <paramref name="Year"/> changed.</summary>
    public sealed record DeadlineMoved(string Kind, int Round, DateOnly OldDue, DateOnly NewDue, int Year) : ComplaintEventData;
}
