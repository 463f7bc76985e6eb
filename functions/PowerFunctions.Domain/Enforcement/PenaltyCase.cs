using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The penalty case (行政处罚案件), folded from its append-only, hash-chained events. Commands (in the
/// partial files by phase: opening and investigation, notice and hearing, decision, execution) check
/// the state machine, the officer's certificate and the rules, and answer a draft event or an error
/// without changing the case; <see cref="Append"/> seals a draft into the chain and answers the next case.
/// </summary>
public sealed partial class PenaltyCase
{
    private readonly List<CaseEvent> _events = [];
    private readonly List<PenaltyEventData.Investigated> _investigations = [];
    private readonly List<PenaltyEventData.Notified> _notices = [];
    private readonly List<(long Seq, PenaltyEventData.StatementMade Statement)> _statements = [];
    private readonly List<(long Seq, PenaltyEventData.LegallyReviewed Review)> _legalReviews = [];
    private readonly List<RecordedDocument> _documents = [];
    private readonly List<HearingPeriod> _hearingPeriods = [];

    private PenaltyCase(string caseNo, IEnumerable<CaseEvent> events)
    {
        CaseNo = caseNo;
        foreach (var e in events)
        {
            Apply(e);
        }

        if (_events.Count == 0 || Terms is null)
        {
            throw new InvalidOperationException($"penalty case {caseNo} has no opening event");
        }
    }

    public string CaseNo { get; }

    public PenaltyState State { get; private set; }

    /// <summary>The sequence number of the last event; the concurrency version of the case.</summary>
    public long Version => _events.Count;

    public IReadOnlyList<CaseEvent> Events => _events;

    public string LastHash => _events[^1].Hash;

    public PenaltyItemTerms Terms { get; private set; } = null!;

    public Party Party { get; private set; } = null!;

    public string Facts { get; private set; } = string.Empty;

    public PenaltySource Source { get; private set; } = null!;

    public DateOnly OpenedOn { get; private set; }

    public OfficerRef OpenedBy { get; private set; } = null!;

    public IReadOnlyList<PenaltyEventData.Investigated> Investigations => _investigations;

    /// <summary>Every officer who investigated, by subject (they may not preside the hearing nor review it).</summary>
    public IReadOnlySet<string> Investigators => _investigations.SelectMany(i => i.Officers).Select(o => o.Subject).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<PenaltyEventData.Notified> Notices => _notices;

    public PenaltyEventData.Notified? LastNotice => _notices.Count == 0 ? null : _notices[^1];

    public IReadOnlyList<PenaltyEventData.StatementMade> Statements => _statements.Select(s => s.Statement).ToArray();

    public DateOnly? HearingRequestedOn { get; private set; }

    /// <summary>Each hearing from its request to the day it was held (open while pending), in order.</summary>
    public IReadOnlyList<HearingPeriod> HearingPeriods => _hearingPeriods;

    public PenaltyEventData.HearingScheduled? Hearing { get; private set; }

    public PenaltyEventData.HearingHeld? HearingRecord { get; private set; }

    public IReadOnlyList<PenaltyEventData.LegallyReviewed> LegalReviews => _legalReviews.Select(r => r.Review).ToArray();

    public PenaltyEventData.CollectivelyDecided? CollectiveDecision { get; private set; }

    public PenaltyEventData.Decided? Decision { get; private set; }

    public PenaltyEventData.Delivered? Delivery { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public PenaltyEventData.Paid? Payment { get; private set; }

    public IReadOnlyList<RecordedDocument> Documents => _documents;

    /// <summary>The API names of the commands the current state allows.</summary>
    public IReadOnlyList<string> AllowedCommands => PenaltyStateMachine.AllowedCommandsIn(State);

    /// <summary>True when the decision imposes an amount to pay (a fine or confiscation).</summary>
    public bool HasAmountToPay => Decision is { Outcome: PenaltyOutcome.Penalty, Penalty: { } p } && Catalog.PenaltyTypes.HasAmount(p.Type);

    private long LastNoticeSeq { get; set; }

    private long HearingHeldSeq { get; set; }

    /// <summary>Folds stored events (in order) into a case.</summary>
    public static PenaltyCase FromEvents(string caseNo, IEnumerable<CaseEvent> events) => new(caseNo, events);

    /// <summary>The first case of a chain from its opening draft.</summary>
    public static PenaltyCase Start(string caseNo, PenaltyEventDraft opened, CaseActor actor, DateTimeOffset at) =>
        new(caseNo, [PenaltyChain.Seal(1, opened, actor, at, CaseChain.Genesis)]);

    /// <summary>Seals <paramref name="draft"/> as the next event; answers the case after it.</summary>
    public PenaltyCase Append(PenaltyEventDraft draft, CaseActor actor, DateTimeOffset at) =>
        new(CaseNo, [.. _events, PenaltyChain.Seal(Version + 1, draft, actor, at, LastHash)]);

    /// <summary>Records that a deadline moved with the official schedule of <paramref name="year"/>.</summary>
    public PenaltyEventDraft RecordDeadlineMoved(PenaltyDeadlineKind kind, DateOnly oldDue, DateOnly newDue, int year) =>
        new(new PenaltyEventData.DeadlineMoved(kind, oldDue, newDue, year));

    /// <summary>
    /// Null when <paramref name="officer"/> holds a certificate valid on <paramref name="today"/> for the
    /// case's department and the item's field; else 403 <c>enforcement.no_certificate</c>. For any act an
    /// enforcement officer records (the commands that always need one check it themselves).
    /// Source: 行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号 (持证上岗).
    /// </summary>
    public DomainError? CertificateProblem(Officer? officer, DateOnly today) =>
        OfficerRules.Check(officer, officer?.Name ?? "the acting officer", Terms.DepartmentCode, today, Terms.Discretion.Field);

    /// <summary>The state machine's answer, then the certificate of the acting officer where the action needs one.</summary>
    private DomainError? Check(PenaltyAction action, Officer? actor, DateOnly today)
    {
        if (!PenaltyStateMachine.Allows(State, action))
        {
            return EnforcementErrors.Transition(State, action);
        }

        return PenaltyStateMachine.RequiresCertificate(action)
            ? OfficerRules.Check(actor, actor?.Name ?? "the acting officer", Terms.DepartmentCode, today, Terms.Discretion.Field)
            : null;
    }

    private void Apply(CaseEvent e)
    {
        var data = PenaltyChain.DataOf(e);
        _events.Add(e);
        if (data.Document is { } document && _documents.All(d => d.Id != document.Id))
        {
            _documents.Add(document);
        }

        switch (data)
        {
            case PenaltyEventData.Opened o:
                Terms = o.Terms;
                Party = o.Party;
                Facts = o.Facts;
                Source = o.Source;
                OpenedOn = o.OpenedOn;
                OpenedBy = o.OpenedBy;
                State = PenaltyState.Opened;
                break;
            case PenaltyEventData.Investigated i:
                _investigations.Add(i);
                if (State == PenaltyState.Opened)
                {
                    State = PenaltyState.Investigating;
                }

                break;
            case PenaltyEventData.Notified n:
                _notices.Add(n);
                LastNoticeSeq = e.Seq;
                State = PenaltyState.Notified;
                break;
            case PenaltyEventData.StatementMade s:
                _statements.Add((e.Seq, s));
                break;
            case PenaltyEventData.HearingRequested r:
                HearingRequestedOn = r.On;
                _hearingPeriods.Add(new HearingPeriod(r.On, null));
                State = PenaltyState.HearingRequested;
                break;
            case PenaltyEventData.HearingScheduled h:
                Hearing = h;
                State = PenaltyState.HearingScheduled;
                break;
            case PenaltyEventData.HearingHeld h:
                HearingRecord = h;
                _hearingPeriods[^1] = _hearingPeriods[^1] with { HeldOn = h.HeldOn };
                HearingHeldSeq = e.Seq;
                State = PenaltyState.HearingHeld;
                break;
            case PenaltyEventData.LegallyReviewed r:
                _legalReviews.Add((e.Seq, r));
                break;
            case PenaltyEventData.CollectivelyDecided c:
                CollectiveDecision = c;
                break;
            case PenaltyEventData.Decided d:
                Decision = d;
                State = PenaltyState.Decided;
                break;
            case PenaltyEventData.Delivered d:
                Delivery = d;
                State = HasAmountToPay ? PenaltyState.Delivered : PenaltyState.Closed;
                break;
            case PenaltyEventData.Published p:
                PublishedOn = p.PublishedOn;
                break;
            case PenaltyEventData.Paid p:
                Payment = p;
                State = PenaltyState.Closed;
                break;
            case PenaltyEventData.DeadlineMoved:
                break;
            default:
                throw new InvalidOperationException($"no fold for {e.Type}");
        }
    }
}
