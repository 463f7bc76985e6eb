using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// A rectification notice (整改通知书) as an event-sourced, hash-chained aggregate, folded from its events as cases and
/// tickets are. Commands answer a draft event (or an error, changing nothing); <see cref="Append"/> seals a draft.
/// <list type="table">
/// <item><term>issued, sent-back</term><description><c>report {measures}</c> (staff of the department); the system records an overdue round</description></item>
/// <item><term>reported</term><description><c>accept {note?}</c>, <c>reject {reason, workingDays?}</c> (supervisor; a send-back sets a new deadline)</description></item>
/// <item><term>accepted</term><description>nothing (final)</description></item>
/// </list>
/// Rules and sources: <see cref="RectificationRules"/> (seed 002, seed 004; municipal 电子监察 rules).
/// </summary>
public sealed class Rectification
{
    private readonly List<RectificationEvent> _events = [];
    private readonly List<RectificationEventData.Reported> _reports = [];
    private readonly List<RectificationEventData.SentBack> _sendBacks = [];
    private readonly List<RectificationEventData.Overdue> _overdues = [];

    private Rectification(string id, IEnumerable<RectificationEvent> events)
    {
        Id = id;
        foreach (var e in events)
        {
            Apply(e);
        }

        if (_events.Count == 0 || Issue is null)
        {
            throw new InvalidOperationException($"rectification {id} has no issued event");
        }
    }

    public string Id { get; }

    public RectificationState State { get; private set; }

    public long Version => _events.Count;

    public IReadOnlyList<RectificationEvent> Events => _events;

    public string LastHash => _events[^1].Hash;

    /// <summary>What was issued: department, subject, finding, requirement, working days, dates.</summary>
    public RectificationEventData.Issued Issue { get; private set; } = null!;

    public string Department => Issue.Department;

    /// <summary>The sealed notice, once recorded.</summary>
    public RecordedDocument? Notice { get; private set; }

    /// <summary>1, then +1 per send-back: each round has its own deadline.</summary>
    public int Round { get; private set; } = 1;

    /// <summary>The last day to report in the current round.</summary>
    public DateOnly Due { get; private set; }

    public IReadOnlyList<RectificationEventData.Reported> Reports => _reports;

    public IReadOnlyList<RectificationEventData.SentBack> SendBacks => _sendBacks;

    public IReadOnlyList<RectificationEventData.Overdue> Overdues => _overdues;

    /// <summary>How many deadlines the department missed.</summary>
    public int OverdueCount => _overdues.Count;

    /// <summary>True from the second missed deadline: the supervisor is to decide on accountability. Source: seed 002, seed 004.</summary>
    public bool AccountabilityFlagged => _overdues.Any(o => o.FlagsAccountability);

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>True while the department owes a report.</summary>
    public bool AwaitingReport => State is RectificationState.Issued or RectificationState.SentBack;

    /// <summary>The API names of the actions people may take in <paramref name="state"/>.</summary>
    public static IReadOnlyList<string> AllowedActionsIn(RectificationState state) => state switch
    {
        RectificationState.Issued or RectificationState.SentBack => ["report"],
        RectificationState.Reported => ["accept", "reject"],
        _ => [],
    };

    public static Rectification FromEvents(string id, IEnumerable<RectificationEvent> events) => new(id, events);

    /// <summary>
    /// A supervisor issues a notice <paramref name="id"/> (see <see cref="RectificationRules.IdFor"/>) to a department
    /// about a case, a ticket or a finding, with a deadline in working days; answers the issued draft and the notice to
    /// seal (every problem of the request listed at once). Source: seed 002, seed 004 (整改通知书).
    /// </summary>
    public static Result<RectificationEventDraft> Open(string id, RectificationRequest request, SupervisionActor actor, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calendar);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return RectificationErrors.RoleNotAllowed("issue", actor);
        }

        if (!SupervisionText.IsCode(id))
        {
            throw new ArgumentException($"'{id}' is not a rectification id", nameof(id));
        }

        var errors = new Dictionary<string, string[]>();
        if (!SupervisionText.IsCode(request.Department))
        {
            errors["department"] = ["须指定被通知部门编码"];
        }

        SupervisionText.OptionalCode(request.CaseNo, "caseNo", "办件编号格式无效", errors);
        SupervisionText.OptionalCode(request.TicketNo, "ticketNo", "工单编号格式无效", errors);
        SupervisionText.OptionalCode(request.SpotCheckId, "spotCheckId", "抽查编号格式无效", errors);
        if (request.AlertId is not null && !AlertKey.Parse(request.AlertId).IsSuccess)
        {
            errors["alertId"] = ["预警编号格式无效"];
        }

        var departmentName = SupervisionText.Optional(request.DepartmentName, "departmentName", errors, 100);
        var finding = SupervisionText.Required(request.Finding, "finding", "须写明发现的问题", errors);
        var requirement = SupervisionText.Required(request.Requirement, "requirement", "须写明整改要求", errors);
        if (request.WorkingDays is not { } workingDays || !RectificationRules.IsValidWorkingDays(workingDays))
        {
            errors["workingDays"] = [$"整改期限须为 {RectificationRules.MinWorkingDays}–{RectificationRules.MaxWorkingDays} 个工作日"];
            workingDays = 0;
        }

        if (errors.Count > 0)
        {
            return RectificationErrors.Invalid(errors);
        }

        var today = RectificationRules.Today(now);
        var due = RectificationRules.Due(calendar, today, workingDays);
        var issued = new RectificationEventData.Issued(
            request.Department!, departmentName ?? request.Department!, request.CaseNo, request.TicketNo, request.AlertId, request.SpotCheckId,
            finding!, requirement!, workingDays, today, due.Date, due.Provisional);
        return new RectificationEventDraft(issued, NoticeFor(id, issued));
    }

    /// <summary>The first notice of a chain from its issued draft.</summary>
    public static Rectification Start(string id, RectificationEventDraft issued, SupervisionActor actor, DateTimeOffset at) =>
        new(id, [RectificationChain.Seal(1, issued, actor, at, HashChain.Genesis)]);

    /// <summary>Seals <paramref name="draft"/> as the next event; answers the notice after it.</summary>
    public Rectification Append(RectificationEventDraft draft, SupervisionActor actor, DateTimeOffset at) =>
        new(Id, [.. _events, RectificationChain.Seal(Version + 1, draft, actor, at, LastHash)]);

    /// <summary>The department reports its measures (late reports are taken, and marked late). Source: seed 002, seed 004.</summary>
    public Result<RectificationEventDraft> Report(string? measures, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.DepartmentStaff)
        {
            return RectificationErrors.RoleNotAllowed("report", actor);
        }

        if (!actor.IsStaffOf(Department))
        {
            return RectificationErrors.NotDepartment(Department, actor.Department);
        }

        if (!AwaitingReport)
        {
            return RectificationErrors.InvalidTransition(State, "report");
        }

        var errors = new Dictionary<string, string[]>();
        var text = SupervisionText.Required(measures, "measures", "须写明采取的整改措施及落实情况", errors);
        if (errors.Count > 0)
        {
            return RectificationErrors.Invalid(errors);
        }

        var today = RectificationRules.Today(now);
        return new RectificationEventDraft(new RectificationEventData.Reported(text!, today, Round, today > Due));
    }

    /// <summary>The supervisor accepts the reported measures (final). Source: seed 002, seed 004.</summary>
    public Result<RectificationEventDraft> Accept(string? note, SupervisionActor actor, DateTimeOffset now)
    {
        if (RequireSupervisor("accept", actor) is { } error)
        {
            return error;
        }

        if (State != RectificationState.Reported)
        {
            return RectificationErrors.InvalidTransition(State, "accept");
        }

        var errors = new Dictionary<string, string[]>();
        var text = SupervisionText.Optional(note, "note", errors);
        return errors.Count > 0 ? RectificationErrors.Invalid(errors) : new RectificationEventDraft(new RectificationEventData.Accepted(text, RectificationRules.Today(now)));
    }

    /// <summary>
    /// The supervisor sends the measures back with the reason: the department reports again within
    /// <paramref name="workingDays"/> working days (the notice's own period when not given). Source: seed 002, seed 004.
    /// </summary>
    public Result<RectificationEventDraft> SendBack(string? reason, int? workingDays, SupervisionActor actor, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (RequireSupervisor("reject", actor) is { } error)
        {
            return error;
        }

        if (State != RectificationState.Reported)
        {
            return RectificationErrors.InvalidTransition(State, "reject");
        }

        var errors = new Dictionary<string, string[]>();
        var text = SupervisionText.Required(reason, "reason", "须说明退回的理由", errors);
        var days = workingDays ?? Issue.WorkingDays;
        if (!RectificationRules.IsValidWorkingDays(days))
        {
            errors["workingDays"] = [$"整改期限须为 {RectificationRules.MinWorkingDays}–{RectificationRules.MaxWorkingDays} 个工作日"];
        }

        if (errors.Count > 0)
        {
            return RectificationErrors.Invalid(errors);
        }

        var today = RectificationRules.Today(now);
        return new RectificationEventDraft(new RectificationEventData.SentBack(text!, today, Round + 1, days, RectificationRules.Due(calendar, today, days).Date));
    }

    /// <summary>
    /// The system records that the current round passed its due date unreported (the red alert's timer): the n-th
    /// overdue of the notice, flagged for accountability from the second. Refused before the due date has ended, once
    /// reported, and for a round already recorded (a repeated timer changes nothing). Source: seed 002, seed 004;
    /// municipal 电子监察 rules (public).
    /// </summary>
    public Result<RectificationEventDraft> RecordOverdue(DateTimeOffset now)
    {
        if (_overdues.Any(o => o.Round == Round))
        {
            return RectificationErrors.OverdueRecorded(Round);
        }

        if (!IsOverdue(now))
        {
            return RectificationErrors.NotOverdue(Due);
        }

        var occurrence = _overdues.Count + 1;
        return new RectificationEventDraft(new RectificationEventData.Overdue(Round, Due, occurrence, RectificationRules.FlagsAccountability(occurrence)));
    }

    /// <summary>True when the department owes a report and the current round's due date has ended in China.</summary>
    public bool IsOverdue(DateTimeOffset now) => AwaitingReport && now >= RectificationRules.OverdueAt(Due);

    /// <summary>The alert of the current round at <paramref name="level"/> (subject this notice, kind <c>rectification</c>, occurrence = round).</summary>
    public AlertKey AlertKeyFor(AlertLevel level) => new(AlertSubject.Rectification(Id), AlertKind.Rectification, level, Round);

    /// <summary>The instants to schedule the current round's yellow and red timers at.</summary>
    public (DateTimeOffset YellowAt, DateTimeOffset RedAt) AlertInstants(IWorkingCalendar calendar) =>
        (RectificationRules.YellowAt(calendar, Due), RectificationRules.OverdueAt(Due));

    /// <summary>The sealed notice's facts for an issued event (also to re-render it).</summary>
    public static RectificationNotice NoticeFor(string id, RectificationEventData.Issued issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("通知书编号", id),
            new("被通知单位", issued.DepartmentName),
        };
        if (issued.CaseNo is { } caseNo)
        {
            fields.Add(new("涉及办件", caseNo));
        }

        if (issued.TicketNo is { } ticketNo)
        {
            fields.Add(new("涉及工单", ticketNo));
        }

        if (issued.AlertId is { } alertId)
        {
            fields.Add(new("问题来源", $"电子监察预警 {alertId}"));
        }
        else if (issued.SpotCheckId is { } spotCheckId)
        {
            fields.Add(new("问题来源", $"随机抽查 {spotCheckId}"));
        }

        fields.Add(new("下达日期", SupervisionText.Chinese(issued.IssuedOn)));
        fields.Add(new("整改期限", $"{issued.WorkingDays} 个工作日（{SupervisionText.Chinese(issued.Due)} 前）"));
        var paragraphs = new List<string>
        {
            $"{issued.DepartmentName}：",
            $"经监督检查，发现你单位存在以下问题：{issued.Finding}",
            $"现责令你单位于 {SupervisionText.Chinese(issued.Due)} 前完成整改。整改要求：{issued.Requirement}",
            "请在整改期限内通过监督平台报送整改措施及落实情况。逾期未报送或整改不到位的，将依照有关规定追究相关责任人员的责任。",
        };
        return new RectificationNotice($"{id}-notice", id, issued.Department, issued.DepartmentName, fields, paragraphs, "行政权力运行电子监察及责任追究有关规定", issued.IssuedOn, issued.Due);
    }

    private static DomainError? RequireSupervisor(string action, SupervisionActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind == SupervisionActorKind.Supervisor ? null : RectificationErrors.RoleNotAllowed(action, actor);
    }

    private void Apply(RectificationEvent e)
    {
        var data = RectificationChain.DataOf(e);
        _events.Add(e);
        if (data.Document is { } document)
        {
            Notice ??= document;
        }

        switch (data)
        {
            case RectificationEventData.Issued i:
                Issue = i;
                Due = i.Due;
                State = RectificationState.Issued;
                break;
            case RectificationEventData.Reported r:
                _reports.Add(r);
                State = RectificationState.Reported;
                break;
            case RectificationEventData.Accepted a:
                AcceptedOn = a.On;
                State = RectificationState.Accepted;
                break;
            case RectificationEventData.SentBack s:
                _sendBacks.Add(s);
                Round = s.Round;
                Due = s.Due;
                State = RectificationState.SentBack;
                break;
            case RectificationEventData.Overdue o:
                _overdues.Add(o);
                break;
            default:
                throw new InvalidOperationException($"no fold for {e.Type}");
        }
    }
}
