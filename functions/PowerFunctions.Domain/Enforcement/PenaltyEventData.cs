using System.Text.Json.Serialization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The data of one penalty-case event, by type. Dates are China local dates. <see cref="Document"/> is set
/// by the app once the event's document is issued and sealed, before the event is committed.
/// </summary>
public abstract record PenaltyEventData
{
    [JsonPropertyOrder(100)]
    public RecordedDocument? Document { get; init; }

    /// <summary>立案: the case is opened under <paramref name="Terms"/> by a certified officer.</summary>
    public sealed record Opened(
        PenaltyItemTerms Terms,
        Party Party,
        string Facts,
        PenaltySource Source,
        DateOnly? OffenceEndedOn,
        bool ExtendedLimitation,
        OfficerRef OpenedBy,
        DateOnly OpenedOn) : PenaltyEventData;

    /// <summary>An investigation by at least two certified officers, with the evidence gathered.</summary>
    public sealed record Investigated(IReadOnlyList<OfficerRef> Officers, string Evidence, DateOnly On) : PenaltyEventData;

    /// <summary>告知 number <paramref name="No"/>: the proposed penalty, the circumstance, the hearing right and the reply window.</summary>
    public sealed record Notified(
        int No,
        Penalty Proposed,
        Circumstance Circumstance,
        string? Reasons,
        bool HearingAvailable,
        DateOnly ReplyUntil,
        DateOnly NotifiedOn) : PenaltyEventData;

    /// <summary>The party's statement and defence (陈述、申辩), or its express waiver, and whether it waives the hearing.</summary>
    public sealed record StatementMade(string? Text, bool WaivesStatement, bool WaivesHearing, DateOnly On) : PenaltyEventData;

    /// <summary>The party asked for a hearing; <paramref name="Entitled"/> false when 第六十三条 gave no right and the department granted it.</summary>
    public sealed record HearingRequested(DateOnly On, bool Entitled = true) : PenaltyEventData;

    /// <summary>The hearing notice (听证通知): date, place, the presiding officer (not an investigator; null: to be named before the hearing), public or not and why.</summary>
    public sealed record HearingScheduled(
        DateOnly Date,
        string Place,
        string? PresidingSubject,
        string? PresidingName,
        bool Public,
        string? ClosedReason,
        DateOnly NotifiedOn) : PenaltyEventData;

    /// <summary>The hearing record (听证笔录): whether the party appeared, signed, or refused to sign (noted by the presiding officer), and who presided.</summary>
    public sealed record HearingHeld(string Record, bool PartyAppeared, bool SignedByParty, string? RefusalNote, DateOnly HeldOn, string? PresidingSubject = null, string? PresidingName = null) : PenaltyEventData;

    /// <summary>法制审核: the reviewer's opinion and whether the case passed.</summary>
    public sealed record LegallyReviewed(string Opinion, bool Passed, DateOnly On) : PenaltyEventData;

    /// <summary>集体讨论: who attended, each vote, the dissent, and the decision adopted (with the reason for departing from the tier, if it does); no outcome: the meeting agreed the case be decided, binding no amount.</summary>
    public sealed record CollectivelyDecided(
        IReadOnlyList<string> Attendees,
        IReadOnlyList<MeetingVote> Votes,
        IReadOnlyList<Dissent> Dissent,
        PenaltyOutcome? Outcome,
        Penalty? Penalty,
        Circumstance? Circumstance,
        NoPenaltyGround? Ground,
        DiscretionFit Fit,
        string? DepartureReason,
        DateOnly On) : PenaltyEventData;

    /// <summary>The decision (第五十七条): outcome, penalty and circumstance or ground, reasons, how it fits the tier.</summary>
    public sealed record Decided(
        PenaltyOutcome Outcome,
        Penalty? Penalty,
        Circumstance? Circumstance,
        NoPenaltyGround? Ground,
        string Reasons,
        DiscretionFit Fit,
        string? DepartureReason,
        DateOnly DecidedOn) : PenaltyEventData;

    public sealed record Delivered(DeliveryMethod Method, string Recipient, DateOnly DeliveredOn) : PenaltyEventData;

    /// <summary>The decision was made public (国办发〔2018〕118号).</summary>
    public sealed record Published(DateOnly PublishedOn) : PenaltyEventData;

    /// <summary>The fine (with any late surcharge) was paid into the designated bank.</summary>
    public sealed record Paid(decimal Amount, decimal Surcharge, DateOnly PaidOn, string ReceiptNo) : PenaltyEventData;

    /// <summary>A deadline moved because the official schedule of <paramref name="Year"/> changed.</summary>
    public sealed record DeadlineMoved(PenaltyDeadlineKind Kind, DateOnly OldDue, DateOnly NewDue, int Year) : PenaltyEventData;
}
