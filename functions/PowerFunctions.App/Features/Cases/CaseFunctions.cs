using System.Globalization;
using PowerFunctions.App.Auth;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Features.Audit;
using PowerFunctions.App.Features.Experts;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// The case routes: <c>POST /api/cases/{caseNo}/{action}</c> for every staff and applicant action of
/// API.md plus <c>site-inspection</c>, <c>expert-draw</c> and <c>collective-decision</c>;
/// <c>POST /api/cases/{caseNo}/objections</c> (public, during publicity; answered by the decider with
/// <c>objection-answer</c> before delivery); <c>GET /api/cases/{caseNo}</c>;
/// <c>GET …/progress?queryCode=</c> (public); <c>GET …/audit/verify</c>; <c>GET …/expert-draw/verify</c>.
/// Every command checks the role, the department (staff) or the applicant (citizen), the optional
/// <c>If-Match</c> version (412) and the state machine (409 with the allowed actions).
/// <c>joint-opinion {opinion, recommendation}</c> on a jointly handled item (联合审批, 行政许可法 第二十六条) is
/// the one action staff of another department take on the lead's case: a <c>reviewer</c> or <c>decider</c>
/// of a department giving an opinion, for that department; the same staff may read the case view
/// (<c>GET /api/cases/{caseNo}</c>) to form it. Everything else stays with the lead.
/// </summary>
public sealed class CaseFunctions(CaseService cases, CaseStore store, IEnumerable<ICaseTickets> ticketSources, ExpertService experts, PersonalDataAudit audit, AnchorService anchors, PersonalDataProtector protector)
{
    /// <summary>Who may ask for each action (API.md table).</summary>
    private static readonly Dictionary<CaseAction, string> RoleOf = new()
    {
        [CaseAction.CorrectionNotice] = Roles.Acceptor,
        [CaseAction.Supplement] = Roles.Citizen,
        [CaseAction.Accept] = Roles.Acceptor,
        [CaseAction.Refuse] = Roles.Acceptor,
        [CaseAction.Review] = Roles.Reviewer,
        [CaseAction.SiteInspection] = Roles.Reviewer,
        [CaseAction.ExpertDraw] = Roles.Reviewer,
        [CaseAction.CollectiveDecision] = Roles.Decider,
        [CaseAction.Suspend] = Roles.Reviewer,
        [CaseAction.Resume] = Roles.Reviewer,
        [CaseAction.Extend] = Roles.Decider,
        [CaseAction.Decide] = Roles.Decider,
        [CaseAction.Deliver] = Roles.Deliverer,
        [CaseAction.Withdraw] = Roles.Citizen,
        [CaseAction.ObjectionAnswer] = Roles.Decider,
    };

    [Function("CaseGet")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseNo}")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var loaded = await cases.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (!GivesJointOpinion(loaded.Case, caller))
        {
            caller.RequireDepartment(loaded.Case.Terms.DepartmentCode, allowOversight: true);
        }

        return await ViewAsync(loaded.Case, caller, request, cancellationToken).ConfigureAwait(false);
    }

    [Function("CaseProgress")]
    [Public]
    public async Task<IResult> ProgressAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseNo}/progress")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var code = request.QueryValue("queryCode") ?? string.Empty;
        var loaded = await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null || !QueryCodes.Matches(loaded.Case.QueryCode, code))
        {
            throw Problems.NotFound("case.not_found", "办件不存在或查询码错误", "no case with this number and query code");
        }

        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(CaseViews.Progress(loaded.Case, calendar, cases.Clock.GetUtcNow()));
    }

    [Function("CaseAuditVerify")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Supervisor)]
    public async Task<IResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseNo}/audit/verify")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var snapshot = await cases.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(snapshot.Case.Terms.DepartmentCode, allowOversight: true);
        var events = (await store.LoadEventsAsync(caseNo, cancellationToken).ConfigureAwait(false) ?? []).OrderBy(e => e.Seq).ToArray();
        var result = CaseChain.Verify(events);
        var since = ChinaTime.DateOf(snapshot.Case.Events[0].Instant);
        var anchor = await anchors.CheckAsync(AuditedChains.StreamOf(AuditedChains.CaseKind, caseNo), [.. events.Select(e => new ChainLink(e.Seq, e.Hash))], since, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(ChainReport.Of(caseNo, result, anchor));
    }

    [Function("CaseExpertDrawVerify")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer, Roles.Supervisor)]
    public async Task<IResult> VerifyDrawAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseNo}/expert-draw/verify")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var loaded = await cases.LoadRequiredAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(loaded.Case.Terms.DepartmentCode, allowOversight: true);
        var draw = loaded.Case.ExpertDrawRecord ?? throw Problems.NotFound("case.no_expert_draw", "本案未抽取专家", "no experts were drawn for this case");
        var rerun = ExpertDraw.Draw(draw.Pool, draw.Count, draw.Seed);
        return HttpResult.Ok(new { seed = draw.Seed, count = draw.Count, pool = draw.Pool, recorded = draw.Drawn, rerun, matches = rerun.SequenceEqual(draw.Drawn) });
    }

    /// <summary>The keyed-hash purpose of objection client keys.</summary>
    public const string ObjectionClientPurpose = "objection-client";

    [Function("CaseObjection")]
    [Public]
    [Submission]
    public async Task<IResult> ObjectionAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseNo}/objections")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var body = request.ReadJson<ObjectionBody>();
        var name = body.Name?.Trim();
        var who = ObjectionFiler(request, caseNo);
        var next = await cases.ExecuteAsync(caseNo, (c, _) => c.FileObjection(body.Name, body.Contact, body.Content, ObjectionClient(c, who)), CaseActor.Public(string.IsNullOrEmpty(name) || name.Length > CaseRules.MaxObjectionNameOrContact ? "公众" : name), null, null, cancellationToken).ConfigureAwait(false);
        return HttpResult.Json(201, new { caseNo = next.CaseNo, objectionId = next.Objections[^1].Id, recorded = true, state = CaseNames.Of(next.State) });
    }

    [Function("CaseCommand")]
    [SignedIn]
    public async Task<IResult> CommandAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseNo}/{action}")] HttpRequest request, string caseNo, string action, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var command = CaseNames.ParseCommand(action);
        var role = command == CaseAction.JointOpinion ? JointOpinionRole(caller)
            : command is { } known && RoleOf.TryGetValue(known, out var r) ? r
            : throw Problems.NotFound("case.unknown_action", "办件操作不存在", $"no case action '{action}'");
        caller.RequireRole(role);
        var ifMatch = IfMatch(request);
        var actor = new CaseActor(caller.Subject, caller.Name, role);
        var execute = await ParseAsync(request, command!.Value, actor, caller, cancellationToken).ConfigureAwait(false);
        var next = await cases.ExecuteAsync(
            caseNo,
            execute,
            actor,
            c =>
            {
                if (command == CaseAction.JointOpinion)
                {
                    // the domain checks that the caller's department gives an opinion on this item
                }
                else if (role == Roles.Citizen)
                {
                    if (!c.IsApplicant(actor))
                    {
                        throw Problems.From(CaseErrors.NotApplicant());
                    }
                }
                else
                {
                    caller.RequireDepartment(c.Terms.DepartmentCode);
                }
            },
            ifMatch,
            cancellationToken).ConfigureAwait(false);
        return await ViewAsync(next, caller, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The personal fields the staff view shows of <paramref name="c"/> (what the audit records).</summary>
    public static IReadOnlyList<string> PersonalFieldsShown(Case c) =>
    [
        "applicant.name", "applicant.idNumber", "applicant.phone",
        .. c.Objections.Count > 0 ? new[] { "objections.name", "objections.contact" } : [],
        .. c.Delivery is not null ? new[] { "delivery.recipient" } : [],
    ];

    /// <summary>The staff view, its disclosure of personal data recorded first (<see cref="PersonalDataAudit"/>).</summary>
    private async Task<HttpResult> ViewAsync(Case c, Caller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(caller, "case", c.CaseNo, PersonalFieldsShown(c), $"{request.Method} {request.Path}", cancellationToken).ConfigureAwait(false);
        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var tickets = new List<CaseTicket>();
        foreach (var source in ticketSources)
        {
            tickets.AddRange(await source.ListAsync(c.CaseNo, cancellationToken).ConfigureAwait(false));
        }

        return HttpResult.Ok(CaseViews.Staff(c, calendar, cases.Clock.GetUtcNow(), tickets)).WithHeader("ETag", $"\"{c.Version.ToString(CultureInfo.InvariantCulture)}\"");
    }

    /// <summary>The body of each action, read (400 on malformed JSON) before anything is loaded or written.</summary>
    private async Task<CaseService.Command> ParseAsync(HttpRequest request, CaseAction action, CaseActor actor, Auth.Caller caller, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case CaseAction.CorrectionNotice:
                var notice = request.ReadJson<CorrectionBody>();
                var missing = (notice.Missing ?? []).Select(m => new MissingMaterial(m?.Code ?? string.Empty, m?.Reason ?? string.Empty)).ToArray();
                return (c, ctx) => c.RequestCorrection(missing, ctx);
            case CaseAction.Supplement:
                var supplement = request.ReadJson<MaterialsBody>();
                var materials = (supplement.Materials ?? []).Select(m => new MaterialRef(m?.Code ?? string.Empty, m?.Name ?? string.Empty)).ToArray();
                return (c, ctx) => c.Supplement(materials, actor, ctx);
            case CaseAction.Accept:
                return (c, ctx) => c.Accept(ctx);
            case CaseAction.Refuse:
                var refuse = request.ReadJson<ReasonBody>();
                return (c, _) => c.Refuse(refuse.Reason);
            case CaseAction.Review:
                var review = request.ReadJson<ReviewBody>();
                var recommendation = CaseInput.Outcome(review.Recommendation, "recommendation").OrThrow();
                return (c, _) => c.RecordReview(review.Role, review.Opinion, recommendation, actor);
            case CaseAction.SiteInspection:
                var inspection = request.ReadJson<InspectionBody>();
                return (c, _) => c.RecordSiteInspection(inspection.Inspectors, inspection.Report, inspection.SignedBy);
            case CaseAction.ExpertDraw:
                var draw = request.ReadJson<DrawBody>();
                if (draw.Pool is not null)
                {
                    throw Problems.From(CaseErrors.PoolFromRequest());
                }

                var drawUntil = CaseInput.Date(draw.ExpectedUntil, "expectedUntil").OrThrow();
                var register = await experts.RegisterAsync(cancellationToken).ConfigureAwait(false);
                var seed = System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue) * 4294967296L + System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
                return (c, ctx) => c.DrawExperts(register, draw.Count ?? 0, seed, drawUntil, ctx);
            case CaseAction.CollectiveDecision:
                var meeting = request.ReadJson<CollectiveBody>();
                var votes = (meeting.Votes ?? []).Select((v, i) => new CollectiveVote(v?.Name ?? string.Empty, CaseInput.Vote(v?.Vote, i).OrThrow(), v?.Opinion)).ToArray();
                var dissent = (meeting.Dissent ?? []).Select(d => new DissentingOpinion(d?.Name ?? string.Empty, d?.Opinion ?? string.Empty)).ToArray();
                return (c, _) => c.RecordCollectiveDecision(meeting.Attendees, votes, dissent);
            case CaseAction.Suspend:
                var suspend = request.ReadJson<SuspendBody>();
                var (reason, suspendUntil) = (CaseInput.Reason(suspend.Reason).OrThrow(), CaseInput.Date(suspend.ExpectedUntil, "expectedUntil").OrThrow());
                return (c, ctx) => c.Suspend(reason, suspend.Note, suspendUntil, ctx);
            case CaseAction.Resume:
                return (c, ctx) => c.Resume(ctx);
            case CaseAction.Extend:
                var extend = request.ReadJson<ExtendBody>();
                return (c, ctx) => c.Extend(extend.WorkingDays ?? 0, extend.Reason, actor, ctx);
            case CaseAction.Decide:
                var decide = request.ReadJson<DecideBody>();
                var outcome = CaseInput.Outcome(decide.Outcome).OrThrow();
                return (c, ctx) => c.Decide(outcome, decide.Reasons, ctx);
            case CaseAction.Deliver:
                var deliver = request.ReadJson<DeliverBody>();
                var method = CaseInput.Method(deliver.Method).OrThrow();
                return (c, ctx) => c.Deliver(method, deliver.Recipient, ctx);
            case CaseAction.JointOpinion:
                var joint = request.ReadJson<JointOpinionBody>();
                var jointRecommendation = CaseInput.Outcome(joint.Recommendation, "recommendation").OrThrow();
                return (c, ctx) => c.GiveJointOpinion(caller.Department, joint.Opinion, jointRecommendation, ctx);
            case CaseAction.ObjectionAnswer:
                var answer = request.ReadJson<ObjectionAnswerBody>();
                var finding = CaseInput.Finding(answer.Finding).OrThrow();
                return (c, ctx) => c.AnswerObjection(answer.ObjectionId, finding, answer.Reasons, ctx);
            case CaseAction.Withdraw:
                var withdraw = request.BodyBytes().IsEmpty ? new ReasonBody(null) : request.ReadJson<ReasonBody>();
                return (c, _) => c.Withdraw(withdraw.Reason, actor);
            default:
                throw Problems.NotFound("case.unknown_action", "办件操作不存在", $"no case action '{CaseNames.Of(action)}'");
        }
    }

    /// <summary>What the objection's client key is made of: the case and the signed-in account, else the connection's address.</summary>
    private static string ObjectionFiler(HttpRequest request, string caseNo)
    {
        var who = request.Caller()?.Subject is { Length: > 0 } subject ? "sub:" + subject : "ip:" + request.HttpContext.Connection.RemoteIpAddress;
        return $"{caseNo}\n{who}";
    }

    /// <summary>
    /// The filer of an objection as the per-client limit counts it (<see cref="Case.FileObjection"/>): a keyed hash
    /// (<see cref="PersonalDataProtector.Fingerprint"/>, purpose <see cref="ObjectionClientPurpose"/>) of the case and
    /// the account or address, never the address itself, and not recomputable without the personal-data keys. The
    /// client key an earlier objection of the same filer stored is reused when it matches under any listed key, so
    /// the count holds across a key rotation. Behind a proxy every filer shares its address: the per-case limit still holds.
    /// </summary>
    private string ObjectionClient(Case c, string filer) =>
        c.Objections.Select(o => o.Client).FirstOrDefault(k => k is not null && protector.MatchesFingerprint(k, ObjectionClientPurpose, filer))
        ?? protector.Fingerprint(ObjectionClientPurpose, filer);

    /// <summary>
    /// Who gives a joint department's opinion: its <c>reviewer</c> or its <c>decider</c> (the opinion is the
    /// department's, formed by whoever of the two handles it there); the role recorded is the one held,
    /// reviewer first. 403 for anyone else.
    /// </summary>
    private static string JointOpinionRole(Auth.Caller caller) =>
        caller.IsInRole(Roles.Reviewer) ? Roles.Reviewer
        : caller.IsInRole(Roles.Decider) ? Roles.Decider
        : throw Problems.Forbidden("a joint opinion is given by a reviewer or decider of a department giving opinions");

    /// <summary>True when <paramref name="caller"/> is a reviewer or decider of a department giving an opinion on the jointly handled case <paramref name="c"/>.</summary>
    private static bool GivesJointOpinion(Case c, Auth.Caller caller) =>
        c.Terms.JointHandling?.Find(caller.Department) is not null
        && (caller.IsInRole(Roles.Reviewer) || caller.IsInRole(Roles.Decider));

    /// <summary>The version in <c>If-Match</c> (<c>3</c>, <c>"3"</c> or <c>W/"3"</c>); <c>*</c> or none: no check; anything else never matches.</summary>
    private static long? IfMatch(HttpRequest request)
    {
        var header = request.Header("If-Match")?.Trim();
        if (string.IsNullOrEmpty(header) || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    private sealed record ObjectionBody(string? Name, string? Contact, string? Content);

    private sealed record CorrectionBody(IReadOnlyList<MissingLine?>? Missing);

    private sealed record MissingLine(string? Code, string? Reason);

    private sealed record MaterialsBody(IReadOnlyList<MaterialLine?>? Materials);

    private sealed record MaterialLine(string? Code, string? Name);

    private sealed record ReasonBody(string? Reason);

    private sealed record ReviewBody(string? Role, string? Opinion, string? Recommendation);

    private sealed record InspectionBody(IReadOnlyList<string>? Inspectors, string? Report, string? SignedBy);

    /// <summary><c>{count, expectedUntil?}</c>; a <c>pool</c> is refused (<see cref="CaseErrors.PoolFromRequest"/>): experts come from the register.</summary>
    private sealed record DrawBody(System.Text.Json.JsonElement? Pool, int? Count, string? ExpectedUntil);

    private sealed record CollectiveBody(IReadOnlyList<string>? Attendees, IReadOnlyList<VoteLine?>? Votes, IReadOnlyList<DissentLine?>? Dissent);

    private sealed record VoteLine(string? Name, string? Vote, string? Opinion);

    private sealed record DissentLine(string? Name, string? Opinion);

    private sealed record SuspendBody(string? Reason, string? Note, string? ExpectedUntil);

    private sealed record ExtendBody(int? WorkingDays, string? Reason);

    private sealed record DecideBody(string? Outcome, string? Reasons);

    private sealed record DeliverBody(string? Method, string? Recipient);

    private sealed record JointOpinionBody(string? Opinion, string? Recommendation);

    private sealed record ObjectionAnswerBody(string? ObjectionId, string? Finding, string? Reasons);
}
