using System.Text.Json.Serialization;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The data of one case event, by type. Dates are China local dates. <see cref="Document"/> is set
/// by the app once the event's document is issued, before the event is committed.
/// </summary>
public abstract record CaseEventData
{
    [JsonPropertyOrder(100)]
    public DocumentRef? Document { get; init; }

    /// <summary>The application was received (the first receipt).</summary>
    public sealed record Submitted(
        ItemTerms Terms,
        Applicant Applicant,
        string ApplicantSubject,
        IReadOnlyList<MaterialRef> Materials,
        string? Form,
        DateOnly ReceiptOn,
        string QueryCode) : CaseEventData;

    /// <summary>The one-time correction notice for receipt <paramref name="ReceiptNo"/>.</summary>
    public sealed record CorrectionRequested(int ReceiptNo, IReadOnlyList<MissingMaterial> Missing) : CaseEventData;

    /// <summary>The applicant supplemented; acceptance restarts from <paramref name="ReceiptOn"/>.</summary>
    public sealed record Supplemented(IReadOnlyList<MaterialRef> Materials, DateOnly ReceiptOn) : CaseEventData;

    /// <summary>Accepted by the acceptor on <paramref name="AcceptedOn"/>.</summary>
    public sealed record Accepted(DateOnly AcceptedOn) : CaseEventData;

    /// <summary>Deemed accepted as of the receipt date because the 5 wd passed with no notice and no acceptance.</summary>
    public sealed record DeemedAccepted(DateOnly AcceptedOn, DateOnly NoticeDue) : CaseEventData;

    public sealed record Refused(string Reason) : CaseEventData;

    public sealed record Reviewed(string ReviewRole, string Opinion, string Recommendation) : CaseEventData;

    public sealed record SiteInspected(IReadOnlyList<string> Inspectors, string Report, string SignedBy) : CaseEventData;

    /// <summary>Experts drawn from <paramref name="Pool"/> with <paramref name="Seed"/>; the clock is suspended from <paramref name="SuspendedFrom"/>.</summary>
    public sealed record ExpertsDrawn(IReadOnlyList<ExpertCandidate> Pool, int Count, long Seed, IReadOnlyList<ExpertCandidate> Drawn, DateOnly SuspendedFrom) : CaseEventData;

    public sealed record CollectiveDecided(IReadOnlyList<string> Attendees, IReadOnlyList<CollectiveVote> Votes, IReadOnlyList<DissentingOpinion> Dissent) : CaseEventData;

    public sealed record Suspended(string Reason, string? Note, DateOnly From) : CaseEventData;

    public sealed record Resumed(DateOnly On) : CaseEventData;

    /// <summary>The one extension, approved by <paramref name="ApprovedBy"/> (the deciding head).</summary>
    public sealed record Extended(int WorkingDays, string Reason, string ApprovedBy) : CaseEventData;

    /// <summary>The decision; an approval of a publicised item is posted from <paramref name="PublicFrom"/> to <paramref name="PublicUntil"/>.</summary>
    public sealed record Decided(string Outcome, string? Reasons, IReadOnlyList<string> Remedies, DateOnly DecidedOn, DateOnly? PublicFrom, DateOnly? PublicUntil) : CaseEventData;

    public sealed record ObjectionFiled(string Name, string Contact, string Content) : CaseEventData;

    public sealed record PublicityEnded(DateOnly EndedOn) : CaseEventData;

    public sealed record Delivered(string Method, string Recipient, DateOnly DeliveredOn) : CaseEventData;

    /// <summary>The result was published on the portal, or <paramref name="Withheld"/> (a confidential item).</summary>
    public sealed record ResultPublished(DateOnly PublishedOn, bool Withheld) : CaseEventData;

    public sealed record Withdrawn(string? Reason) : CaseEventData;

    /// <summary>A deadline moved because the official schedule of <paramref name="Year"/> changed.</summary>
    public sealed record DeadlineMoved(string Kind, DateOnly OldDue, DateOnly NewDue, int Year) : CaseEventData;
}
