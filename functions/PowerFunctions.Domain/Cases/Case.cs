using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The case aggregate, folded from its append-only events. This file holds the state and the fold;
/// the commands live by phase in <c>Case.Intake.cs</c> (receipt to acceptance), <c>Case.Review.cs</c>
/// (review, experts, meetings, suspensions, extension, joint opinions) and <c>Case.Decision.cs</c>
/// (decision, publicity and objections, delivery, publication); the texts of the written acts in
/// <see cref="CaseNotices"/>. Commands check the state machine, the actor and the rules, and answer a
/// draft event (or an error) without changing the case; <see cref="Append"/> seals a draft into the
/// chain and answers the next case.
/// </summary>
public sealed partial class Case
{
    private readonly List<CaseEvent> _events = [];
    private readonly List<Review> _reviews = [];
    private readonly List<SuspensionPeriod> _suspensions = [];
    private readonly List<Objection> _objections = [];
    private readonly List<DocumentRef> _documents = [];
    private readonly List<string> _inspections = [];
    private readonly List<JointOpinion> _jointOpinions = [];
    private readonly List<CaseEventData.Decided> _setAside = [];

    /// <summary>The state before the current suspension (where <c>resume</c> returns).</summary>
    private CaseState _beforeSuspension = CaseState.UnderReview;

    private Case(string caseNo, IEnumerable<CaseEvent> events)
    {
        CaseNo = caseNo;
        foreach (var e in events)
        {
            Apply(e);
        }

        if (_events.Count == 0 || Terms is null)
        {
            throw new InvalidOperationException($"case {caseNo} has no submitted event");
        }
    }

    public string CaseNo { get; }

    public CaseState State { get; private set; }

    /// <summary>The sequence number of the last event; the concurrency version of the case.</summary>
    public long Version => _events.Count;

    public IReadOnlyList<CaseEvent> Events => _events;

    public ItemTerms Terms { get; private set; } = null!;

    public Applicant Applicant { get; private set; } = null!;

    public string ApplicantSubject { get; private set; } = string.Empty;

    public string QueryCode { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public IReadOnlyList<MaterialRef> Materials { get; private set; } = [];

    /// <summary>The required materials the application lacked when it was received (行政许可法 第三十二条: received all the same).</summary>
    public IReadOnlyList<MaterialRef> MissingAtReceipt { get; private set; } = [];

    /// <summary>The required materials the case lacks now (after any supplement). Source: 行政许可法 第三十二条</summary>
    public IReadOnlyList<MaterialRef> MissingMaterials => CaseRules.MissingRequired(Terms, Materials);

    /// <summary>The date of the current receipt (the first, or the last supplement): the 5 wd acceptance clock starts here.</summary>
    public DateOnly ReceiptOn { get; private set; }

    /// <summary>1 for the first receipt, +1 per supplement.</summary>
    public int ReceiptNo { get; private set; }

    /// <summary>What the last correction notice listed.</summary>
    public IReadOnlyList<MissingMaterial> LastCorrectionMissing { get; private set; } = [];

    /// <summary>The receipt number that received the last correction notice.</summary>
    public int? CorrectionNoticeForReceipt { get; private set; }

    /// <summary>When the correction notice of the current receipt was given.</summary>
    public DateOnly? CorrectionNoticeOn { get; private set; }

    /// <summary>When the acceptance (or deemed acceptance) was recorded: what resolves the 5 wd clock.</summary>
    public DateOnly? AcceptanceRecordedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public bool DeemedAccepted { get; private set; }

    public string? Acceptor { get; private set; }

    public DateOnly? RefusedOn { get; private set; }

    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>The signed site-inspection reports on record.</summary>
    public IReadOnlyList<string> SiteInspections => _inspections;

    public CaseEventData.ExpertsDrawn? ExpertDrawRecord { get; private set; }

    public bool ExpertReviewDone { get; private set; }

    /// <summary>The collective decision that binds the next decision (null before a meeting, and after an upheld objection set its decision aside).</summary>
    public CaseEventData.CollectiveDecided? CollectiveDecisionRecord { get; private set; }

    public IReadOnlyList<SuspensionPeriod> Suspensions => _suspensions;

    public CaseEventData.Extended? Extension { get; private set; }

    /// <summary>The opinions of the joint departments on record (行政许可法 第二十六条).</summary>
    public IReadOnlyList<JointOpinion> JointOpinions => _jointOpinions;

    /// <summary>The decision in force (null before one, and after an upheld objection set it aside).</summary>
    public CaseEventData.Decided? Decision { get; private set; }

    /// <summary>Decisions set aside by an upheld objection, in order.</summary>
    public IReadOnlyList<CaseEventData.Decided> SetAsideDecisions => _setAside;

    public DateOnly? PublicityEndedOn { get; private set; }

    public IReadOnlyList<Objection> Objections => _objections;

    public DateOnly? DeliveredOn { get; private set; }

    public CaseEventData.Delivered? Delivery { get; private set; }

    public DateOnly? ResultPublishedOn { get; private set; }

    public bool ResultWithheld { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public IReadOnlyList<DocumentRef> Documents => _documents;

    public string LastHash => _events[^1].Hash;

    /// <summary>The API names of the commands the current state allows.</summary>
    public IReadOnlyList<string> AllowedCommands => CaseStateMachine.AllowedCommandsIn(State);

    /// <summary>Folds stored events (in order) into a case.</summary>
    public static Case FromEvents(string caseNo, IEnumerable<CaseEvent> events) => new(caseNo, events);

    /// <summary>The first case of a chain from its submitted draft.</summary>
    public static Case Start(string caseNo, CaseEventDraft submitted, CaseActor actor, DateTimeOffset at) =>
        new(caseNo, [CaseChain.Seal(1, submitted, actor, at, CaseChain.Genesis)]);

    /// <summary>Seals <paramref name="draft"/> as the next event; answers the case after it.</summary>
    public Case Append(CaseEventDraft draft, CaseActor actor, DateTimeOffset at) =>
        new(CaseNo, [.. _events, CaseChain.Seal(Version + 1, draft, actor, at, LastHash)]);

    /// <summary>True when <paramref name="actor"/> is the citizen who submitted the application.</summary>
    public bool IsApplicant(CaseActor actor) => string.Equals(actor.Subject, ApplicantSubject, StringComparison.Ordinal);

    /// <summary>When the 5 wd to notify or accept end. Source: 行政许可法 第三十二条</summary>
    public DateOnly CorrectionDue(Calendar.IWorkingCalendar calendar) => CaseDeadlines.CorrectionNotice(calendar, ReceiptOn).Date;

    /// <summary>The last day of publicity (recomputed with the calendar in force).</summary>
    public DateOnly PublicUntil(Calendar.IWorkingCalendar calendar) =>
        Decision?.PublicFrom is { } from ? CaseDeadlines.PublicityEnd(calendar, from).Date : throw new InvalidOperationException("the case was not posted");

    private DomainError? Check(CaseAction action) =>
        CaseStateMachine.Allows(State, action) ? null : CaseErrors.InvalidTransition(State, action);

    private void Apply(CaseEvent e)
    {
        var data = CaseChain.DataOf(e);
        _events.Add(e);
        if (data.Document is { } document && _documents.All(d => d.Id != document.Id))
        {
            _documents.Add(document);
        }

        switch (data)
        {
            case CaseEventData.Submitted s:
                Terms = s.Terms;
                Applicant = s.Applicant;
                ApplicantSubject = s.ApplicantSubject;
                Materials = s.Materials;
                MissingAtReceipt = s.Missing ?? [];
                QueryCode = s.QueryCode;
                ReceivedAt = e.Instant;
                ReceiptOn = s.ReceiptOn;
                ReceiptNo = 1;
                State = CaseState.Submitted;
                break;
            case CaseEventData.CorrectionRequested c:
                CorrectionNoticeForReceipt = c.ReceiptNo;
                CorrectionNoticeOn = ChinaTime.DateOf(e.Instant);
                LastCorrectionMissing = c.Missing;
                State = CaseState.CorrectionRequested;
                break;
            case CaseEventData.Supplemented s:
                Materials = [.. Materials.Where(m => s.Materials.All(n => n.Code != m.Code)), .. s.Materials];
                ReceiptOn = s.ReceiptOn;
                ReceiptNo++;
                CorrectionNoticeOn = null;
                State = CaseState.Submitted;
                break;
            case CaseEventData.Accepted a:
                AcceptedOn = a.AcceptedOn;
                AcceptanceRecordedOn = ChinaTime.DateOf(e.Instant);
                Acceptor = e.Actor;
                State = CaseState.Accepted;
                break;
            case CaseEventData.DeemedAccepted d:
                AcceptedOn = d.AcceptedOn;
                AcceptanceRecordedOn = ChinaTime.DateOf(e.Instant);
                DeemedAccepted = true;
                State = CaseState.Accepted;
                break;
            case CaseEventData.Refused:
                RefusedOn = ChinaTime.DateOf(e.Instant);
                State = CaseState.Refused;
                break;
            case CaseEventData.Reviewed r:
                _reviews.Add(new Review(r.ReviewRole, e.Actor, e.ActorName, r.Opinion, r.Recommendation, e.Instant));
                State = CaseState.UnderReview;
                break;
            case CaseEventData.SiteInspected s:
                _inspections.Add(s.Report);
                State = CaseState.UnderReview;
                break;
            case CaseEventData.ExpertsDrawn x:
                ExpertDrawRecord = x;
                _beforeSuspension = CaseState.UnderReview;
                _suspensions.Add(new SuspensionPeriod(SuspensionReason.ExpertReview, ApiCode<SuspensionReason>.Chinese(SuspensionReason.ExpertReview), x.SuspendedFrom, null, x.ExpectedUntil));
                State = CaseState.Suspended;
                break;
            case CaseEventData.CollectiveDecided c:
                CollectiveDecisionRecord = c;
                State = CaseState.UnderReview;
                break;
            case CaseEventData.Suspended s:
                _beforeSuspension = State;
                _suspensions.Add(new SuspensionPeriod(s.Reason, s.Note, s.From, null, s.ExpectedUntil));
                State = CaseState.Suspended;
                break;
            case CaseEventData.Resumed r:
                var open = _suspensions[^1];
                _suspensions[^1] = open with { Until = r.On };
                if (open.Reason == SuspensionReason.ExpertReview && ExpertDrawRecord is not null)
                {
                    ExpertReviewDone = true;
                }

                State = _beforeSuspension;
                break;
            case CaseEventData.Extended x:
                Extension = x;
                break;
            case CaseEventData.JointOpinionGiven j:
                _jointOpinions.Add(new JointOpinion(j.Department, j.Opinion, j.Recommendation, e.ActorName, j.GivenOn));
                if (State != CaseState.Suspended)
                {
                    State = CaseState.UnderReview;
                }

                break;
            case CaseEventData.Decided d:
                Decision = d;
                State = d.PublicFrom is null ? CaseState.Decided : CaseState.InPublicity;
                break;
            case CaseEventData.ObjectionFiled o:
                _objections.Add(new Objection(o.Id ?? CaseRules.ObjectionId(_objections.Count + 1), o.Name, o.Contact, o.Content, e.Instant));
                break;
            case CaseEventData.ObjectionAnswered a:
                var index = _objections.FindIndex(o => o.Id == a.ObjectionId);
                _objections[index] = _objections[index] with { Finding = a.Finding, Answer = a.Reasons, AnsweredOn = a.AnsweredOn };
                if (a.Finding == ObjectionFinding.Upheld && Decision is { } setAside)
                {
                    _setAside.Add(setAside);
                    Decision = null;
                    PublicityEndedOn = null;
                    CollectiveDecisionRecord = null;
                    State = CaseState.UnderReview;
                }

                break;
            case CaseEventData.PublicityEnded p:
                PublicityEndedOn = p.EndedOn;
                State = CaseState.AwaitingDelivery;
                break;
            case CaseEventData.Delivered d:
                Delivery = d;
                DeliveredOn = d.DeliveredOn;
                State = CaseState.Delivered;
                break;
            case CaseEventData.ResultPublished p:
                ResultPublishedOn = p.PublishedOn;
                ResultWithheld = p.Withheld;
                State = CaseState.Closed;
                break;
            case CaseEventData.Withdrawn:
                WithdrawnOn = ChinaTime.DateOf(e.Instant);
                State = CaseState.Withdrawn;
                break;
            case CaseEventData.DeadlineMoved:
                break;
            default:
                throw new InvalidOperationException($"no fold for {e.Type}");
        }
    }
}
