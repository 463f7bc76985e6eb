using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Audit;
using PowerFunctions.App.Features.Catalog;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Enforcement;
using static PowerFunctions.App.Features.Enforcement.PenaltyRequests;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The penalty case routes: <c>POST /api/enforcement/cases</c> (enforcer) opens a case;
/// <c>POST /api/enforcement/cases/{caseNo}/{action}</c> runs an action (API.md's nine and the domain's
/// <c>schedule-hearing</c>, <c>publish</c>, <c>record-payment</c>); <c>GET /api/enforcement/cases/{caseNo}</c>
/// and <c>…/audit/verify</c> (staff of the department, supervisors). Every action checks the role, the
/// department, the acting officer's certificate when an enforcer acts, the optional <c>If-Match</c>
/// version (412) and the state machine (409 with the allowed actions).
/// </summary>
public sealed class PenaltyFunctions(PenaltyService penalties, PenaltyStore store, OfficerStore officers, SerialNumbers numbers, CatalogStore catalog, PersonalData.PersonalDataAudit audit, AnchorService anchors)
{
    /// <summary>Who may take each action: the officers (certified), the legal reviewer, the head (or an officer recording the head's decision).</summary>
    private static readonly Dictionary<PenaltyAction, string[]> RolesOf = new()
    {
        [PenaltyAction.Investigate] = [Roles.Enforcer],
        [PenaltyAction.Notify] = [Roles.Enforcer],
        [PenaltyAction.Statement] = [Roles.Enforcer],
        [PenaltyAction.RequestHearing] = [Roles.Enforcer],
        [PenaltyAction.ScheduleHearing] = [Roles.Enforcer],
        [PenaltyAction.HoldHearing] = [Roles.Enforcer],
        [PenaltyAction.LegalReview] = [Roles.LegalReviewer],
        [PenaltyAction.CollectiveDecision] = [Roles.Decider, Roles.Enforcer],
        [PenaltyAction.Decide] = [Roles.Decider, Roles.Enforcer],
        [PenaltyAction.Deliver] = [Roles.Enforcer],
        [PenaltyAction.Publish] = [Roles.Enforcer],
        [PenaltyAction.RecordPayment] = [Roles.Enforcer],
    };

    [Function("PenaltyOpen")]
    [AnyRole(Roles.Enforcer)]
    public async Task<IResult> OpenAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enforcement/cases")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var key = request.IdempotencyKey();
        var body = request.ReadJson<OpenBody>();
        var errors = new Errors();
        var source = Source(body.Source, errors);
        if (string.IsNullOrWhiteSpace(body.ItemCode))
        {
            errors.Add("itemCode", "须写明所依据的权力事项编码");
        }

        errors.ThrowIfAny();
        var context = await penalties.ContextAsync(cancellationToken).ConfigureAwait(false);

        var record = await catalog.GetAsync(body.ItemCode?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("catalog.item_not_found", "权力事项不存在", $"no power item '{body.ItemCode}'");
        var terms = record.Published is { } published
            ? PenaltyItemTerms.From(published).OrThrow()
            : throw Problems.From(EnforcementErrors.Refused(EnforcementErrors.NotAPenaltyItem, "该事项未发布，不能据以实施行政处罚", "itemCode", $"{record.Code} is not published"));
        caller.RequireDepartment(terms.DepartmentCode);
        var party = Party.Create(body.Party?.Name, body.Party?.IdType, body.Party?.IdNumber, body.Party?.Address).OrThrow();
        var opener = (await officers.GetAsync(caller.Subject, cancellationToken).ConfigureAwait(false))?.Officer;
        var opened = PenaltyCase.Open(terms, party, body.Facts, source, body.OffenceEndedOn, body.ExtendedLimitation ?? false, opener, context).OrThrow();

        var prefix = terms.DepartmentCode + "-CF";
        var (caseNo, replayed) = key is null
            ? (await numbers.NextAsync(prefix, context.Today, cancellationToken).ConfigureAwait(false), false)
            : await store.ReserveAsync(caller.Subject, key, request.BodyBytes().ToArray(), () => numbers.NextAsync(prefix, context.Today, cancellationToken), cancellationToken).ConfigureAwait(false);

        var existing = replayed ? await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false) : null;
        var created = existing?.Case ?? await penalties.CreateAsync(caseNo, opened, Actor(caller, Roles.Enforcer), cancellationToken).ConfigureAwait(false);
        var calendar = await penalties.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var answer = HttpResult.Created(
            new { caseNo = created.CaseNo, state = PenaltyNames.Of(created.State), version = created.Version, openedOn = created.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deadlines = EnforcementViews.Deadlines(created, calendar, created.Events[0].Instant) },
            $"/api/enforcement/cases/{created.CaseNo}");
        return replayed && existing is not null ? answer.WithHeader("Idempotent-Replayed", "true") : answer;
    }

    [Function("PenaltyGet")]
    [AnyRole(Roles.Enforcer, Roles.LegalReviewer, Roles.Decider, Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/cases/{caseNo}")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var loaded = await penalties.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(loaded.Case.Terms.DepartmentCode, allowOversight: true);
        return await ViewAsync(loaded.Case, caller, request, cancellationToken).ConfigureAwait(false);
    }

    [Function("PenaltyAuditVerify")]
    [AnyRole(Roles.Enforcer, Roles.LegalReviewer, Roles.Decider, Roles.Supervisor)]
    public async Task<IResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/cases/{caseNo}/audit/verify")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var loaded = await penalties.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(loaded.Case.Terms.DepartmentCode, allowOversight: true);
        var events = (await store.LoadEventsAsync(caseNo, cancellationToken).ConfigureAwait(false) ?? []).OrderBy(e => e.Seq).ToArray();
        var result = PenaltyChain.Verify(events);
        var since = ChinaTime.DateOf(loaded.Case.Events[0].Instant);
        var anchor = await anchors.CheckAsync(AuditedChains.StreamOf(AuditedChains.PenaltyKind, caseNo), [.. events.Select(e => new ChainLink(e.Seq, e.Hash))], since, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(ChainReport.Of(caseNo, result, anchor));
    }

    [Function("PenaltyCommand")]
    [SignedIn]
    public async Task<IResult> CommandAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enforcement/cases/{caseNo}/{action}")] HttpRequest request, string caseNo, string action, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        if (PenaltyNames.ParseAction(action) is not { } command)
        {
            throw Problems.NotFound("enforcement.unknown_action", "处罚案件操作不存在", $"no penalty case action '{action}'; actions: {string.Join(", ", RolesOf.Keys.Select(PenaltyNames.Of))}");
        }

        var role = RolesOf[command].FirstOrDefault(caller.IsInRole)
            ?? throw Problems.Forbidden($"'{action}' needs the role {string.Join(" or ", RolesOf[command].Select(r => $"'{r}'"))}");
        var ifMatch = request.IfMatchVersion();
        var parsed = Parse(request, command, caller.Subject);
        var actingOfficer = role == Roles.Enforcer ? (await officers.GetAsync(caller.Subject, cancellationToken).ConfigureAwait(false))?.Officer : null;
        var named = await officers.GetManyAsync(parsed.NamedOfficers.Where(OfficerStore.IsKey), cancellationToken).ConfigureAwait(false);
        var next = await penalties.ExecuteAsync(
            caseNo,
            parsed.Build(actingOfficer, named),
            Actor(caller, role),
            (c, context) =>
            {
                caller.RequireDepartment(c.Terms.DepartmentCode);
                if (role == Roles.Enforcer && c.CertificateProblem(actingOfficer, context.Today) is { } noCertificate)
                {
                    throw Problems.From(noCertificate);
                }
            },
            ifMatch,
            cancellationToken).ConfigureAwait(false);
        return await ViewAsync(next, caller, request, cancellationToken).ConfigureAwait(false);
    }

    private static CaseActor Actor(Caller caller, string role) => new(caller.Subject, caller.Name, role);

    /// <summary>The case view, its disclosure of the party's name, identity number and address (when given) recorded first.</summary>
    private async Task<HttpResult> ViewAsync(PenaltyCase c, Caller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        string[] fields = c.Party.Address is null ? ["party.name", "party.idNumber"] : ["party.name", "party.idNumber", "party.address"];
        await audit.RecordAsync(caller, "penalty", c.CaseNo, fields, $"{request.Method} {request.Path}", cancellationToken).ConfigureAwait(false);
        var calendar = await penalties.CalendarAsync(cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(EnforcementViews.Case(c, calendar, penalties.Clock.GetUtcNow())).WithHeader("ETag", $"\"{c.Version.ToString(CultureInfo.InvariantCulture)}\"");
    }

    /// <summary>The body of each action, read and checked (400 malformed, 422 unknown words) before anything is loaded or written.</summary>
    private static ParsedCommand Parse(HttpRequest request, PenaltyAction action, string callerSubject)
    {
        var errors = new Errors();
        ParsedCommand parsed;
        switch (action)
        {
            case PenaltyAction.Investigate:
            {
                var body = request.ReadJson<InvestigateBody>();
                var subjects = Names(body.Officers, "officers", "sub", errors);
                parsed = new(subjects, (actor, named) => [(c, ctx) => c.Investigate(subjects, named, body.Evidence, actor, ctx)]);
                break;
            }

            case PenaltyAction.Notify:
            {
                var body = request.ReadJson<NotifyBody>();
                var proposed = PenaltyRequests.Penalty(body.Proposed, "proposed", errors);
                var circumstance = PenaltyRequests.Circumstance(body.Circumstance, errors);
                parsed = Steps((actor, c, ctx) => c.Notify(proposed, circumstance, body.Reasons, actor, ctx));
                break;
            }

            case PenaltyAction.Statement:
            {
                var body = request.ReadJson<StatementBody>();
                parsed = Steps((actor, c, ctx) => c.RecordStatement(body.Text, body.WaivesStatement ?? false, body.WaivesHearing ?? false, actor, ctx));
                break;
            }

            case PenaltyAction.RequestHearing:
            {
                var body = OptionalBody<HearingBody>(request);
                var (sub, name) = Person(body.Presiding);
                parsed = new([], (actor, _) =>
                [
                    (c, ctx) => c.RequestHearing(actor, ctx),
                    (c, ctx) => c.ScheduleHearing(body.Date ?? PenaltyCase.EarliestHearingDate(ctx.Calendar, ctx.Today), body.Place ?? DefaultPlace(c), sub, name, body.Public ?? true, body.ClosedReason, actor, ctx),
                ]);
                break;
            }

            case PenaltyAction.ScheduleHearing:
            {
                var body = request.ReadJson<HearingBody>();
                var (sub, name) = Person(body.Presiding);
                parsed = Steps((actor, c, ctx) => c.ScheduleHearing(body.Date, body.Place, sub, name, body.Public ?? true, body.ClosedReason, actor, ctx));
                break;
            }

            case PenaltyAction.HoldHearing:
            {
                var body = request.ReadJson<HoldBody>();
                var (sub, name) = Person(body.Presiding);
                parsed = Steps((actor, c, ctx) => c.HoldHearing(body.Record, body.PartyAppeared ?? true, body.SignedByParty ?? (body.RefusalNote is null), body.RefusalNote, actor, ctx, sub, name));
                break;
            }

            case PenaltyAction.LegalReview:
            {
                var body = request.ReadJson<ReviewBody>();
                parsed = Steps((_, c, ctx) => c.RecordLegalReview(body.Opinion, body.Passed, callerSubject, ctx));
                break;
            }

            case PenaltyAction.CollectiveDecision:
            {
                var body = request.ReadJson<MeetingBody>();
                var attendees = Names(body.Attendees, "attendees", "name", errors);
                var votes = Votes(body.Votes, attendees, body.Dissent, errors);
                var dissent = PenaltyRequests.Dissent(body.Dissent, votes, errors);
                var adopted = Decision(body.Outcome, body.Penalty, body.Circumstance, body.Ground, body.Reasons, errors);
                var departure = body.DepartureReason ?? (adopted is null ? null : body.Reasons);
                parsed = Steps((_, c, ctx) => c.RecordCollectiveDecision(attendees, votes, dissent, adopted, departure, ctx));
                break;
            }

            case PenaltyAction.Decide:
            {
                var body = request.ReadJson<DecideBody>();
                var decision = Decision(body.Outcome, body.Penalty, body.Circumstance, body.Ground, body.Reasons, errors)
                    ?? new PenaltyDecisionInput(PenaltyOutcome.Penalty, null, null, null, body.Reasons);
                parsed = Steps((_, c, ctx) => c.Decide(decision, ctx));
                break;
            }

            case PenaltyAction.Deliver:
            {
                var body = request.ReadJson<DeliverBody>();
                var method = errors.Word("method", body.Method, PenaltyWords.Delivery, "in-person（直接送达）、post（邮寄送达）或 electronic（电子送达）");
                parsed = Steps((actor, c, ctx) => c.Deliver(method, body.Recipient, body.ElectronicConsent ?? false, actor, ctx));
                break;
            }

            case PenaltyAction.Publish:
                parsed = Steps((_, c, ctx) => c.Publish(ctx));
                break;

            case PenaltyAction.RecordPayment:
            {
                var body = request.ReadJson<PaymentBody>();
                parsed = Steps((_, c, ctx) => c.RecordPayment(body.Amount, body.PaidOn, body.ReceiptNo, ctx));
                break;
            }

            default:
                throw Problems.NotFound("enforcement.unknown_action", "处罚案件操作不存在", $"no penalty case action '{PenaltyNames.Of(action)}'");
        }

        errors.ThrowIfAny();
        return parsed;
    }

    /// <summary>
    /// A decision as sent: the outcome named, or a penalty (then a penalty decision), or a ground (then no
    /// penalty); null when the body names none of them (a meeting that adopts no decision).
    /// </summary>
    private static PenaltyDecisionInput? Decision(string? outcomeText, PenaltyBody? penaltyBody, string? circumstanceText, string? groundText, string? reasons, Errors errors)
    {
        var outcome = errors.Word("outcome", outcomeText, PenaltyWords.Outcome, "penalty（给予处罚）或 no-penalty（不予处罚）");
        var penalty = PenaltyRequests.Penalty(penaltyBody, "penalty", errors);
        var circumstance = PenaltyRequests.Circumstance(circumstanceText, errors);
        var ground = errors.Word("ground", groundText, PenaltyWords.Ground, "first-offence、minor-corrected、no-fault 或 not-established");
        outcome ??= penaltyBody is not null ? PenaltyOutcome.Penalty : ground is not null ? PenaltyOutcome.NoPenalty : null;
        return outcome is { } o ? new PenaltyDecisionInput(o, penalty, circumstance, ground, reasons) : null;
    }

    private static string DefaultPlace(PenaltyCase c) => $"{c.Terms.DepartmentName}听证室";

    private static ParsedCommand Steps(Func<Officer?, PenaltyCase, EnforcementContext, Domain.Common.Result<PenaltyEventDraft>> step) =>
        new([], (actor, _) => [(c, ctx) => step(actor, c, ctx)]);

    private static T OptionalBody<T>(HttpRequest request)
        where T : class, new() => request.BodyBytes().IsEmpty ? new T() : request.ReadJson<T>();

    /// <summary>The officers a command names (looked up in the register first) and how to build its steps once they and the acting officer are known.</summary>
    private sealed record ParsedCommand(IReadOnlyList<string> NamedOfficers, Func<Officer?, IReadOnlyList<Officer>, IReadOnlyList<PenaltyService.Step>> Build);

    private sealed record OpenBody(string? ItemCode, PartyBody? Party, string? Facts, JsonElement? Source, DateOnly? OffenceEndedOn, bool? ExtendedLimitation);

    private sealed record PartyBody(string? Name, string? IdType, string? IdNumber, string? Address);

    private sealed record InvestigateBody(JsonElement? Officers, string? Evidence);

    private sealed record NotifyBody(PenaltyBody? Proposed, string? Circumstance, string? Reasons);

    private sealed record StatementBody(string? Text, bool? WaivesStatement, bool? WaivesHearing);

    private sealed class HearingBody
    {
        public DateOnly? Date { get; init; }

        public string? Place { get; init; }

        public JsonElement? Presiding { get; init; }

        public bool? Public { get; init; }

        public string? ClosedReason { get; init; }
    }

    private sealed record HoldBody(string? Record, JsonElement? Presiding, bool? PartyAppeared, bool? SignedByParty, string? RefusalNote);

    private sealed record ReviewBody(string? Opinion, bool? Passed);

    private sealed record MeetingBody(JsonElement? Attendees, JsonElement? Votes, JsonElement? Dissent, string? Outcome, PenaltyBody? Penalty, string? Circumstance, string? Ground, string? DepartureReason, string? Reasons);

    private sealed record DecideBody(string? Outcome, PenaltyBody? Penalty, string? Circumstance, string? Ground, string? Reasons);

    private sealed record DeliverBody(string? Method, string? Recipient, bool? ElectronicConsent);

    private sealed record PaymentBody(decimal? Amount, DateOnly? PaidOn, string? ReceiptNo);
}
