using System.Globalization;
using System.Text.RegularExpressions;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The ticket aggregate (工单), folded from its append-only, hash-chained events as a case is. Commands
/// check the role, the state machine (<see cref="ComplaintStateMachine"/>), the owning department
/// (首问负责) and the rules (<see cref="ComplaintRules"/>), and answer a draft event (or an error)
/// without changing the ticket; <see cref="Append"/> seals a draft into the chain and answers the next ticket.
/// <para>
/// 首问负责 (seed 003): the first department the ticket reaches owns it. A <c>transfer</c> only asks another
/// department; the ticket stays with its owner, under every clock already running, until that department
/// <c>accept</c>s. No clock restarts on a transfer: the filer's time does not start again because
/// departments passed the ticket between them.
/// </para>
/// </summary>
public sealed partial class Complaint
{
    private const int MaxNameLength = 50;
    private const int MaxAddressLength = 500;
    private const int MaxEmailLength = 254;

    private readonly List<ComplaintEvent> _events = [];
    private readonly List<ComplaintEventData.TransferRequested> _transfers = [];
    private readonly List<ComplaintEventData.Accepted> _acceptances = [];
    private readonly List<ComplaintEventData.Explained> _explanations = [];
    private readonly List<ComplaintEventData.Answered> _answers = [];
    private readonly List<ComplaintEventData.FollowedUp> _followUps = [];
    private readonly List<ComplaintEventData.Reopened> _reopenings = [];
    private readonly List<RecordedDocument> _documents = [];

    private Complaint(string ticketNo, IEnumerable<ComplaintEvent> events)
    {
        TicketNo = ticketNo;
        foreach (var e in events)
        {
            Apply(e);
        }

        if (_events.Count == 0 || Terms is null)
        {
            throw new InvalidOperationException($"ticket {ticketNo} has no received event");
        }
    }

    public string TicketNo { get; }

    public ComplaintState State { get; private set; }

    /// <summary>The sequence number of the last event; the concurrency version of the ticket.</summary>
    public long Version => _events.Count;

    public IReadOnlyList<ComplaintEvent> Events => _events;

    public string LastHash => _events[^1].Hash;

    public ComplaintChannel Channel { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    /// <summary>How to reach the filer; shown only as <see cref="ComplaintPrivacy"/> allows.</summary>
    public ComplaintContact? Contact { get; private set; }

    public bool Anonymous { get; private set; }

    public string? HotlineTicketId { get; private set; }

    public string? ItemCode { get; private set; }

    public string? CaseNo { get; private set; }

    public ComplaintLocation? Location { get; private set; }

    public RouteSource Route { get; private set; }

    /// <summary>The limits frozen at receipt.</summary>
    public ComplaintTerms Terms { get; private set; } = null!;

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string QueryCode { get; private set; } = string.Empty;

    /// <summary>The mini-program filer's token subject, when filed signed in.</summary>
    public string? FilerSubject { get; private set; }

    /// <summary>The department that owns the ticket now (首问负责); null until it reaches one.</summary>
    public string? Owner { get; private set; }

    /// <summary>The first department the ticket reached (首问).</summary>
    public string? FirstDepartment { get; private set; }

    /// <summary>When the ticket first reached a department (routed at intake, or assigned): the department clocks start here.</summary>
    public DateOnly? ReachedOn { get; private set; }

    /// <summary>The first acceptance (受理 / 签收), by the owner or a transfer's target.</summary>
    public DateOnly? FirstAcceptedOn { get; private set; }

    /// <summary>The transfer waiting for its target's acceptance, if any.</summary>
    public ComplaintEventData.TransferRequested? PendingTransfer { get; private set; }

    public IReadOnlyList<ComplaintEventData.TransferRequested> Transfers => _transfers;

    public IReadOnlyList<ComplaintEventData.Accepted> Acceptances => _acceptances;

    public IReadOnlyList<ComplaintEventData.Explained> Explanations => _explanations;

    public IReadOnlyList<ComplaintEventData.Answered> Answers => _answers;

    public IReadOnlyList<ComplaintEventData.FollowedUp> FollowUps => _followUps;

    public IReadOnlyList<ComplaintEventData.Reopened> Reopenings => _reopenings;

    /// <summary>1, then +1 per reopening: each round has its own answer clock.</summary>
    public int Round { get; private set; } = 1;

    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<RecordedDocument> Documents => _documents;

    /// <summary>A petition-type matter (信访工作条例): accepted, then answered within the petition limits.</summary>
    public bool IsPetition => Terms.Answer.Petition;

    /// <summary>The follow-up of the current round, if one was recorded.</summary>
    public ComplaintEventData.FollowedUp? CurrentFollowUp => _followUps.LastOrDefault(f => f.Round == Round);

    /// <summary>The answer of the current round, if given.</summary>
    public ComplaintEventData.Answered? CurrentAnswer => _answers.LastOrDefault(a => a.Round == Round);

    /// <summary>The explanation of the current round that extended its answer clock, if any.</summary>
    public ComplaintEventData.Explained? CurrentExtension => _explanations.LastOrDefault(x => x.Round == Round && x.Extends);

    /// <summary>The API names of the actions the current state allows.</summary>
    public IReadOnlyList<string> AllowedCommands => ComplaintStateMachine.AllowedCommandsIn(State);

    /// <summary>Folds stored events (in order) into a ticket.</summary>
    public static Complaint FromEvents(string ticketNo, IEnumerable<ComplaintEvent> events) => new(ticketNo, events);

    /// <summary>
    /// Validates a ticket from any channel, listing every problem at once, and answers its first draft
    /// event (received) routed by <paramref name="route"/> under the <paramref name="limits"/> of its category.
    /// A ticket that is not anonymous names the filer and a way to reach them (phone or e-mail) for the
    /// follow-up; a hotline ticket carries its <c>hotlineTicketId</c>; the description is at most 4,000
    /// characters (Open311 GeoReport v2). <paramref name="queryCode"/> is the filer's code to follow it.
    /// </summary>
    public static Result<ComplaintEventDraft> Receive(ComplaintIntake intake, ComplaintRoute route, ComplaintLimits limits, string queryCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentException.ThrowIfNullOrWhiteSpace(queryCode);
        var errors = new Dictionary<string, string[]>();
        var category = ComplaintNames.ParseCategory(intake.Category);
        if (category is null)
        {
            errors["category"] = ["类别须为 consultation、help、complaint、report 或 suggestion"];
        }

        var subject = Text(intake.Subject);
        if (subject is null || subject.Length > ComplaintRules.MaxSubjectLength)
        {
            errors["subject"] = [$"须填写主题（1–{ComplaintRules.MaxSubjectLength} 字）"];
        }

        var description = Text(intake.Description);
        if (description is null || description.Length > ComplaintRules.MaxDescriptionLength)
        {
            errors["description"] = [$"须填写诉求内容（1–{ComplaintRules.MaxDescriptionLength} 字）"];
        }

        var contact = ValidateContact(intake, errors);
        if (intake.Channel == ComplaintChannel.Hotline)
        {
            if (!IsCode(intake.HotlineTicketId))
            {
                errors["hotlineTicketId"] = ["热线工单须有热线工单号（1–64 位字母、数字、- 或 _）"];
            }
        }
        else if (intake.HotlineTicketId is not null)
        {
            errors["hotlineTicketId"] = ["只有热线渠道的工单有热线工单号"];
        }

        CheckCode(intake.Department, "department", "部门编码格式无效", errors);
        CheckCode(intake.ItemCode, "itemCode", "事项编码格式无效", errors);
        CheckCode(intake.CaseNo, "caseNo", "办件编号格式无效", errors);
        CheckLocation(intake.Location, errors);
        if (route.Department is not null && !IsCode(route.Department))
        {
            throw new ArgumentException($"routed department '{route.Department}' is not a department code", nameof(route));
        }

        if (errors.Count > 0)
        {
            return ComplaintErrors.Invalid(errors);
        }

        var location = intake.Location is { } l ? l with { Address = Text(l.Address) } : null;
        return new ComplaintEventDraft(new ComplaintEventData.Received(
            intake.Channel,
            category!.Value,
            subject!,
            description!,
            contact,
            intake.Anonymous,
            intake.HotlineTicketId,
            intake.ItemCode,
            intake.CaseNo,
            location,
            route.Department,
            route.Source,
            limits.TermsFor(category.Value),
            ChinaTime.DateOf(now),
            queryCode,
            Text(intake.FilerSubject)));
    }

    /// <summary>The first ticket of a chain from its received draft.</summary>
    public static Complaint Start(string ticketNo, ComplaintEventDraft received, ComplaintActor actor, DateTimeOffset at) =>
        new(ticketNo, [ComplaintChain.Seal(1, received, actor, at, HashChain.Genesis)]);

    /// <summary>Seals <paramref name="draft"/> as the next event; answers the ticket after it.</summary>
    public Complaint Append(ComplaintEventDraft draft, ComplaintActor actor, DateTimeOffset at) =>
        new(TicketNo, [.. _events, ComplaintChain.Seal(Version + 1, draft, actor, at, LastHash)]);

    /// <summary>The hotline or a supervisor sends an undispatched ticket to its first department, which then owns it. Source: seed 003 (第五篇 首问负责制); local 12345 rules (派单).</summary>
    public Result<ComplaintEventDraft> Assign(string? department, ComplaintActor actor, ComplaintContext context)
    {
        if (Check(ComplaintAction.Assign, actor) is { } error)
        {
            return error;
        }

        return IsCode(department)
            ? new ComplaintEventDraft(new ComplaintEventData.Assigned(department!, context.Today))
            : ComplaintErrors.Invalid("department", "须指定承办部门编码");
    }

    /// <summary>
    /// The owner asks another department to take the ticket over, with a reason. The ticket stays with the
    /// owner, its clocks running, until that department accepts; a later transfer replaces a pending one.
    /// Source: seed 003 (第五篇 首问负责制).
    /// </summary>
    public Result<ComplaintEventDraft> Transfer(string? department, string? reason, ComplaintActor actor, ComplaintContext context)
    {
        if ((Check(ComplaintAction.Transfer, actor) ?? RequireOwner(actor)) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        if (!IsCode(department))
        {
            errors["department"] = ["须指定接收部门编码"];
        }
        else if (string.Equals(department, Owner, StringComparison.Ordinal))
        {
            errors["department"] = ["不能移交给本部门"];
        }

        CheckReason(reason, "reason", "须说明移交理由", errors);
        return errors.Count > 0
            ? ComplaintErrors.Invalid(errors)
            : new ComplaintEventDraft(new ComplaintEventData.TransferRequested(Owner!, department!, reason!.Trim(), context.Today));
    }

    /// <summary>
    /// Acceptance: the owner signs for an assigned ticket (受理 of a petition-type matter), or the target of a
    /// pending transfer takes it over and becomes its owner. Source: seed 003 (第五篇 首问负责制); 信访工作条例 (2022).
    /// </summary>
    public Result<ComplaintEventDraft> Accept(ComplaintActor actor, ComplaintContext context)
    {
        if (Check(ComplaintAction.Accept, actor) is { } error)
        {
            return error;
        }

        if (PendingTransfer is { } transfer && string.Equals(actor.Department, transfer.To, StringComparison.Ordinal))
        {
            return new ComplaintEventDraft(new ComplaintEventData.Accepted(transfer.To, transfer.From, context.Today));
        }

        if (!string.Equals(actor.Department, Owner, StringComparison.Ordinal))
        {
            return ComplaintErrors.NotOwner(Owner, actor.Department);
        }

        return State == ComplaintState.Assigned
            ? new ComplaintEventDraft(new ComplaintEventData.Accepted(Owner!, null, context.Today))
            : ComplaintErrors.Conflict("complaint.already_accepted", "本部门已签收该工单", $"{Owner} accepted the ticket already");
    }

    /// <summary>
    /// A matter that needs study is explained to the filer with the date an answer can be expected; the
    /// first explanation (or answer) meets the 3-day explanation clock (seed 003 第五篇 首问负责制). An
    /// expected date after the answer due date is the one extension of the round: allowed only where the
    /// category has one, at most its extension days later, and told to the filer with the reason
    /// (信访工作条例 (2022): once, at most 30 days).
    /// </summary>
    public Result<ComplaintEventDraft> Explain(DateOnly? expectedBy, string? reason, ComplaintActor actor, ComplaintContext context)
    {
        if ((Check(ComplaintAction.Explain, actor) ?? RequireOwner(actor)) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        if (expectedBy is null)
        {
            errors["expectedBy"] = ["须告知预计答复日期"];
        }
        else if (expectedBy <= context.Today)
        {
            errors["expectedBy"] = ["预计答复日期须晚于今天"];
        }

        CheckReason(reason, "reason", "须说明需要研究的理由", errors);
        if (errors.Count > 0)
        {
            return ComplaintErrors.Invalid(errors);
        }

        var date = expectedBy!.Value;
        var draft = new ComplaintEventDraft(new ComplaintEventData.Explained(date, reason!.Trim(), context.Today, Round, false));
        if (AnswerClockStart() is not { } start)
        {
            // a petition-type matter not accepted yet: the latest the answer could be due is counted from the last day to accept
            var latest = ComplaintRules.AnswerDue(context.Calendar, ComplaintRules.AcceptanceDue(context.Calendar, ReachedOn!.Value, Terms.Answer).Date, Terms.Answer).Date;
            return date <= latest ? draft : ExpectedAfterLimit(latest);
        }

        var due = CurrentExtension?.ExpectedBy ?? ComplaintRules.AnswerDue(context.Calendar, start, Terms.Answer).Date;
        if (date <= due)
        {
            return draft;
        }

        if (Terms.Answer.ExtensionDays == 0)
        {
            return ComplaintErrors.Conflict("complaint.extension_not_allowed", "该类诉求的办理时限不能延长", $"the answer is due {Iso(due)}; {ComplaintNames.Of(Category)} tickets have no extension");
        }

        if (CurrentExtension is not null)
        {
            return ComplaintErrors.Conflict("complaint.already_extended", "本轮办理期限已延长过一次", $"the answer was already extended to {Iso(due)}");
        }

        var limit = ComplaintRules.LatestExtendedDue(context.Calendar, due, Terms.Answer);
        return date <= limit
            ? draft with { Data = new ComplaintEventData.Explained(date, reason.Trim(), context.Today, Round, true) }
            : ExpectedAfterLimit(limit);
    }

    /// <summary>
    /// The answer (答复意见), issued as a sealed 答复意见书 that never names the filer; a petition-type matter
    /// is accepted first (信访工作条例 (2022)) and its answer tells the filer of the review (复查) within 30
    /// days. <paramref name="departmentName"/> is printed (the code when absent).
    /// </summary>
    public Result<ComplaintEventDraft> Answer(string? answer, ComplaintActor actor, ComplaintContext context, string? departmentName = null)
    {
        if ((Check(ComplaintAction.Answer, actor) ?? RequireOwner(actor)) is { } error)
        {
            return error;
        }

        if (IsPetition && State == ComplaintState.Assigned)
        {
            return ComplaintErrors.Conflict("complaint.acceptance_required", "信访事项须先受理，再答复", "accept the ticket first (信访工作条例: 受理 within 15 days, then 办理)");
        }

        var text = Text(answer);
        if (text is null || text.Length > ComplaintRules.MaxAnswerLength)
        {
            return ComplaintErrors.Invalid("answer", $"须填写答复意见（1–{ComplaintRules.MaxAnswerLength} 字）");
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("工单编号", TicketNo),
            new("诉求类别", ComplaintNames.LabelOf(Category)),
            new("诉求事项", Subject),
            new("登记日期", Chinese(ReceivedOn)),
            new("承办部门", string.IsNullOrWhiteSpace(departmentName) ? Owner! : departmentName.Trim()),
            new("答复日期", Chinese(context.Today)),
        };
        if (Round > 1)
        {
            fields.Add(new("办理轮次", $"第 {Round} 次办理（回访不满意后重新办理）"));
        }

        var paragraphs = new List<string> { text };   // the opening naming the matter is the template's (DocumentTemplates.AnswerOpinion)
        paragraphs.Add(IsPetition
            ? "如对本答复意见不服，可以自收到本答复意见书之日起30日内，向原办理机关的上一级机关请求复查。"
            : "如对答复不满意，可在回访时提出，工单将重新办理。");
        var basis = IsPetition ? "《信访工作条例》" : "首问负责制；《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）";
        return new ComplaintEventDraft(
            new ComplaintEventData.Answered(text, context.Today, Round),
            new ComplaintDocumentToIssue($"{TicketNo}-answer-{Round}", fields, paragraphs, basis));
    }

    /// <summary>The follow-up (回访) of the round's answer: satisfied or not (then with a note), once per round. Source: local 12345 rules (回访).</summary>
    public Result<ComplaintEventDraft> FollowUp(bool? satisfied, string? note, ComplaintActor actor, ComplaintContext context)
    {
        if ((Check(ComplaintAction.FollowUp, actor) ?? RequireOwnerIfHandler(actor)) is { } error)
        {
            return error;
        }

        if (CurrentFollowUp is not null)
        {
            return ComplaintErrors.Conflict("complaint.already_followed_up", "本轮答复已回访", $"round {Round} was followed up on {Iso(CurrentFollowUp.On)}");
        }

        var errors = new Dictionary<string, string[]>();
        if (satisfied is null)
        {
            errors["satisfied"] = ["须记录是否满意"];
        }
        else if (satisfied == false)
        {
            CheckReason(note, "note", "不满意时须记录不满意的原因", errors);
        }
        else if (note is not null && note.Trim().Length > ComplaintRules.MaxReasonLength)
        {
            errors["note"] = [$"备注不超过 {ComplaintRules.MaxReasonLength} 字"];
        }

        return errors.Count > 0
            ? ComplaintErrors.Invalid(errors)
            : new ComplaintEventDraft(new ComplaintEventData.FollowedUp(satisfied!.Value, Text(note), context.Today, Round));
    }

    /// <summary>A dissatisfied follow-up reopens the ticket with its owner: a new round and a new answer clock from today. Source: local 12345 rules (回访不满意 → 重办).</summary>
    public Result<ComplaintEventDraft> Reopen(string? reason, ComplaintActor actor, ComplaintContext context)
    {
        if ((Check(ComplaintAction.Reopen, actor) ?? RequireOwnerIfHandler(actor)) is { } error)
        {
            return error;
        }

        if (CurrentFollowUp is not { Satisfied: false })
        {
            return ComplaintErrors.Conflict("complaint.reopen_requires_dissatisfaction", "只有回访不满意的工单可以重新办理", CurrentFollowUp is null ? $"round {Round} has no follow-up" : $"the filer was satisfied with round {Round}");
        }

        var errors = new Dictionary<string, string[]>();
        CheckReason(reason, "reason", "须说明重新办理的理由", errors);
        return errors.Count > 0
            ? ComplaintErrors.Invalid(errors)
            : new ComplaintEventDraft(new ComplaintEventData.Reopened(reason!.Trim(), context.Today, Round + 1));
    }

    /// <summary>
    /// Closes an answered ticket after its follow-up (not needed when nobody can be asked). A ticket whose
    /// filer was dissatisfied is closed only by the hotline or a supervisor, never by the department that
    /// answered it. Source: local 12345 rules (回访 before 办结).
    /// </summary>
    public Result<ComplaintEventDraft> Close(ComplaintActor actor, ComplaintContext context)
    {
        if ((Check(ComplaintAction.Close, actor) ?? RequireOwnerIfHandler(actor)) is { } error)
        {
            return error;
        }

        if (CurrentFollowUp is null && ComplaintRules.FollowUpRequiredToClose(Anonymous, Contact))
        {
            return ComplaintErrors.Conflict("complaint.follow_up_required", "办结前须完成回访", $"round {Round} has no follow-up");
        }

        if (CurrentFollowUp is { Satisfied: false } && actor.Role == ComplaintRoles.Handler)
        {
            return ComplaintErrors.Forbidden("complaint.dissatisfied_close_needs_supervision", "回访不满意的工单须由热线或监督人员决定办结", "the filer was dissatisfied: reopen it, or let the hotline or a supervisor close it");
        }

        return new ComplaintEventDraft(new ComplaintEventData.Closed(context.Today));
    }

    /// <summary>Records that a deadline moved with the official schedule of its year (<see cref="ComplaintDeadlines.Moves"/>).</summary>
    public static ComplaintEventDraft RecordDeadlineMoved(ComplaintDeadlineMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return new(new ComplaintEventData.DeadlineMoved(ComplaintDeadline.CodeOf(move.Kind), move.Round, move.OldDue, move.NewDue, move.Year));
    }

    /// <summary>When the answer clock of the current round started; null while a petition-type matter waits for acceptance.</summary>
    public DateOnly? AnswerClockStart(int? round = null)
    {
        var r = round ?? Round;
        if (r > 1)
        {
            return _reopenings.First(x => x.Round == r).On;
        }

        return IsPetition ? FirstAcceptedOn : ReachedOn;
    }

    private DomainError? Check(ComplaintAction action, ComplaintActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!ComplaintStateMachine.RolesFor(action).Contains(actor.Role))
        {
            return ComplaintErrors.RoleNotAllowed(action, actor.Role);
        }

        return ComplaintStateMachine.Allows(State, action) ? null : ComplaintErrors.InvalidTransition(State, action);
    }

    /// <summary>首问负责: only the owning department's handlers act on the ticket. Source: seed 003 (第五篇 首问负责制).</summary>
    private DomainError? RequireOwner(ComplaintActor actor) =>
        string.Equals(actor.Department, Owner, StringComparison.Ordinal) ? null : ComplaintErrors.NotOwner(Owner, actor.Department);

    private DomainError? RequireOwnerIfHandler(ComplaintActor actor) => actor.Role == ComplaintRoles.Handler ? RequireOwner(actor) : null;

    private static DomainError ExpectedAfterLimit(DateOnly latest) =>
        ComplaintErrors.Conflict("complaint.expected_after_limit", "预计答复日期超过法定期限", $"the answer may be expected by {Iso(latest)} at the latest");

    private static ComplaintContact? ValidateContact(ComplaintIntake intake, Dictionary<string, string[]> errors)
    {
        var name = Text(intake.ContactName);
        var phone = Text(intake.ContactPhone);
        var email = Text(intake.ContactEmail);
        if (name is not null && name.Length > MaxNameLength)
        {
            errors["contact.name"] = [$"姓名不超过 {MaxNameLength} 字"];
        }
        else if (name is null && !intake.Anonymous)
        {
            errors["contact.name"] = ["须留姓名，或选择匿名"];
        }

        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["contact.phone"] = ["联系电话格式无效"];
        }
        else if (phone is null && email is null && !intake.Anonymous)
        {
            errors["contact.phone"] = ["须留联系电话（回访用），或选择匿名"];
        }

        if (email is not null && (email.Length > MaxEmailLength || !EmailPattern().IsMatch(email)))
        {
            errors["contact.email"] = ["电子邮箱格式无效"];
        }

        return name is null && phone is null && email is null ? null : new ComplaintContact(name, phone, email);
    }

    private static void CheckLocation(ComplaintLocation? location, Dictionary<string, string[]> errors)
    {
        if (location is null)
        {
            return;
        }

        if (location.Lat.HasValue != location.Long.HasValue)
        {
            errors["location"] = ["经纬度须同时提供"];
        }
        else if (location.Lat is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90 || double.IsNaN(location.Long!.Value) || location.Long is < -180 or > 180))
        {
            errors["location"] = ["经纬度超出范围（WGS84）"];
        }

        if (location.Address is { } address && address.Trim().Length > MaxAddressLength)
        {
            errors["location.address"] = [$"地址不超过 {MaxAddressLength} 字"];
        }
    }

    private static void CheckCode(string? code, string field, string message, Dictionary<string, string[]> errors)
    {
        if (code is not null && !IsCode(code))
        {
            errors[field] = [message];
        }
    }

    private static void CheckReason(string? text, string field, string missing, Dictionary<string, string[]> errors)
    {
        var value = Text(text);
        if (value is null)
        {
            errors[field] = [missing];
        }
        else if (value.Length > ComplaintRules.MaxReasonLength)
        {
            errors[field] = [$"不超过 {ComplaintRules.MaxReasonLength} 字"];
        }
    }

    private static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 -]{4,19}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    private void Apply(ComplaintEvent e)
    {
        var data = ComplaintChain.DataOf(e);
        _events.Add(e);
        if (data.Document is { } document && _documents.All(d => d.Id != document.Id))
        {
            _documents.Add(document);
        }

        switch (data)
        {
            case ComplaintEventData.Received r:
                Channel = r.Channel;
                Category = r.Category;
                Subject = r.Subject;
                Description = r.Description;
                Contact = r.Contact;
                Anonymous = r.Anonymous;
                HotlineTicketId = r.HotlineTicketId;
                ItemCode = r.ItemCode;
                CaseNo = r.CaseNo;
                Location = r.Location;
                Route = r.Route;
                Terms = r.Terms;
                ReceivedAt = e.Instant;
                ReceivedOn = r.ReceivedOn;
                QueryCode = r.QueryCode;
                FilerSubject = r.FilerSubject;
                if (r.Department is { } department)
                {
                    Reach(department, r.ReceivedOn);
                }

                State = r.Department is null ? ComplaintState.Received : ComplaintState.Assigned;
                break;
            case ComplaintEventData.Assigned a:
                Reach(a.Department, a.On);
                State = ComplaintState.Assigned;
                break;
            case ComplaintEventData.TransferRequested t:
                _transfers.Add(t);
                PendingTransfer = t;
                break;
            case ComplaintEventData.Accepted a:
                _acceptances.Add(a);
                Owner = a.Department;
                PendingTransfer = null;
                FirstAcceptedOn ??= a.On;
                if (State == ComplaintState.Assigned)
                {
                    State = ComplaintState.InProgress;
                }

                break;
            case ComplaintEventData.Explained x:
                _explanations.Add(x);
                break;
            case ComplaintEventData.Answered a:
                _answers.Add(a);
                PendingTransfer = null;
                State = ComplaintState.Answered;
                break;
            case ComplaintEventData.FollowedUp f:
                _followUps.Add(f);
                break;
            case ComplaintEventData.Reopened r:
                _reopenings.Add(r);
                Round = r.Round;
                State = ComplaintState.Reopened;
                break;
            case ComplaintEventData.Closed c:
                ClosedOn = c.On;
                State = ComplaintState.Closed;
                break;
            case ComplaintEventData.DeadlineMoved:
                break;
            default:
                throw new InvalidOperationException($"no fold for {e.Type}");
        }
    }

    private void Reach(string department, DateOnly on)
    {
        Owner = department;
        FirstDepartment ??= department;
        ReachedOn ??= on;
    }
}
