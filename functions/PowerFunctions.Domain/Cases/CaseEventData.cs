using System.Text.Json.Serialization;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The data of one case event, by type. Dates are China local dates; enums are stored as their API
/// codes. <see cref="Document"/> is set by the app once the event's document is issued, before the
/// event is committed. Fields added later are optional, so every event ever stored still reads.
/// </summary>
public abstract record CaseEventData
{
    [JsonPropertyOrder(100)]
    public DocumentRef? Document { get; init; }

    /// <summary>The application was received (the first receipt), lacking <paramref name="Missing"/> required materials (行政许可法 第三十二条: received all the same).</summary>
    public sealed record Submitted(
        ItemTerms Terms,
        Applicant Applicant,
        string ApplicantSubject,
        IReadOnlyList<MaterialRef> Materials,
        string? Form,
        DateOnly ReceiptOn,
        string QueryCode,
        IReadOnlyList<MaterialRef>? Missing = null) : CaseEventData;

    /// <summary>The one-time correction notice for receipt <paramref name="ReceiptNo"/>.</summary>
    public sealed record CorrectionRequested(int ReceiptNo, IReadOnlyList<MissingMaterial> Missing) : CaseEventData;

    /// <summary>The applicant supplemented; acceptance restarts from <paramref name="ReceiptOn"/>.</summary>
    public sealed record Supplemented(IReadOnlyList<MaterialRef> Materials, DateOnly ReceiptOn) : CaseEventData;

    /// <summary>Accepted by the acceptor on <paramref name="AcceptedOn"/>.</summary>
    public sealed record Accepted(DateOnly AcceptedOn) : CaseEventData;

    /// <summary>Deemed accepted as of the receipt date because the 5 wd passed with no notice and no acceptance.</summary>
    public sealed record DeemedAccepted(DateOnly AcceptedOn, DateOnly NoticeDue) : CaseEventData;

    public sealed record Refused(string Reason) : CaseEventData;

    public sealed record Reviewed(string ReviewRole, string Opinion, DecisionOutcome Recommendation) : CaseEventData;

    public sealed record SiteInspected(IReadOnlyList<string> Inspectors, string Report, string SignedBy) : CaseEventData;

    /// <summary>
    /// Experts drawn from <paramref name="Pool"/> (the register's available experts of <paramref name="Field"/>,
    /// as they were) with <paramref name="Seed"/>; the clock is suspended from <paramref name="SuspendedFrom"/>
    /// until about <paramref name="ExpectedUntil"/>, as the applicant is told.
    /// </summary>
    public sealed record ExpertsDrawn(IReadOnlyList<ExpertCandidate> Pool, int Count, long Seed, IReadOnlyList<ExpertCandidate> Drawn, DateOnly SuspendedFrom, string? Field = null, DateOnly? ExpectedUntil = null) : CaseEventData;

    public sealed record CollectiveDecided(IReadOnlyList<string> Attendees, IReadOnlyList<CollectiveVote> Votes, IReadOnlyList<DissentingOpinion> Dissent) : CaseEventData;

    /// <summary>The clock stopped from <paramref name="From"/> for <paramref name="Reason"/>, expected to resume by <paramref name="ExpectedUntil"/>.</summary>
    public sealed record Suspended(SuspensionReason Reason, string? Note, DateOnly From, DateOnly? ExpectedUntil = null) : CaseEventData;

    public sealed record Resumed(DateOnly On) : CaseEventData;

    /// <summary>The one extension, approved by <paramref name="ApprovedBy"/> (the deciding head).</summary>
    public sealed record Extended(int WorkingDays, string Reason, string ApprovedBy) : CaseEventData;

    /// <summary>The opinion of a department on a jointly handled case (行政许可法 第二十六条).</summary>
    public sealed record JointOpinionGiven(string Department, string Opinion, DecisionOutcome Recommendation, DateOnly GivenOn) : CaseEventData;

    /// <summary>The decision; an approval of a publicised item is posted from <paramref name="PublicFrom"/> to <paramref name="PublicUntil"/>.</summary>
    public sealed record Decided(DecisionOutcome Outcome, string? Reasons, IReadOnlyList<string> Remedies, DateOnly DecidedOn, DateOnly? PublicFrom, DateOnly? PublicUntil) : CaseEventData;

    /// <summary>An objection during publicity; <paramref name="Id"/> is <c>o-{n}</c> (absent on objections stored before ids: the fold numbers them the same way).</summary>
    public sealed record ObjectionFiled(string Name, string Contact, string Content, string? Id = null) : CaseEventData;

    /// <summary>The decider's answer to objection <paramref name="ObjectionId"/>; an upheld objection ends publicity and sets the decision aside.</summary>
    public sealed record ObjectionAnswered(string ObjectionId, ObjectionFinding Finding, string Reasons, DateOnly AnsweredOn) : CaseEventData;

    public sealed record PublicityEnded(DateOnly EndedOn) : CaseEventData;

    public sealed record Delivered(DeliveryMethod Method, string Recipient, DateOnly DeliveredOn) : CaseEventData;

    /// <summary>The result was published on the portal, or <paramref name="Withheld"/> (a confidential item).</summary>
    public sealed record ResultPublished(DateOnly PublishedOn, bool Withheld) : CaseEventData;

    public sealed record Withdrawn(string? Reason) : CaseEventData;

    /// <summary>A deadline (its API code, e.g. <c>decision</c> or <c>joint-opinion-D06</c>) moved because the official schedule of <paramref name="Year"/> changed.</summary>
    public sealed record DeadlineMoved(string Kind, DateOnly OldDue, DateOnly NewDue, int Year) : CaseEventData;
}
