using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The complaint routes (API.md "Complaints and the hotline"): <c>POST /api/complaints</c> (citizen,
/// <c>Idempotency-Key</c>); <c>GET /api/complaints/{ticketNo}</c> (staff of the owning department, supervisor,
/// hotline; the filer with <c>?queryCode=</c> or signed in); <c>GET /api/complaints?department=&amp;state=&amp;overdue=</c>
/// (handler of the department, supervisor; paged); <c>POST /api/complaints/{ticketNo}/{action}</c>; and the
/// supervisors' summary <c>GET /api/supervision/complaints?from=&amp;to=&amp;department=</c> (per department, per item).
/// </summary>
public sealed class ComplaintFunctions(
    ComplaintService complaints,
    ComplaintIntakeService intake,
    ComplaintStore store,
    ComplaintProjection projection,
    ComplaintDirectory directory,
    PersonalData.PersonalDataAudit audit)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The longest period the summary covers, in days.</summary>
    public const int MaxSummaryDays = 366;

    /// <summary>Which role acts when a caller holds several that may: oversight before the hotline before a department.</summary>
    private static readonly string[] RolePreference = [Roles.Supervisor, Roles.Hotline, Roles.Handler];

    [Function("ComplaintSubmit")]
    [AnyRole(Roles.Citizen)]
    public async Task<IResult> SubmitAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "complaints")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var key = request.IdempotencyKey();
        var body = request.ReadJson<ComplaintRequest>();
        var (answer, replayed) = await intake.SubmitAsync(caller, key, body, cancellationToken).ConfigureAwait(false);
        var result = HttpResult.Created(answer);
        return replayed ? result.WithHeader("Idempotent-Replayed", "true") : result;
    }

    [Function("ComplaintGet")]
    [Public]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "complaints/{ticketNo}")] HttpRequest request, string ticketNo, CancellationToken cancellationToken)
    {
        var code = request.QueryValue("queryCode");
        var caller = request.Caller();
        if (code is null && caller is null)
        {
            throw Problems.TokenMissing();
        }

        var loaded = await store.LoadAsync(ticketNo, cancellationToken).ConfigureAwait(false);
        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = complaints.Clock.GetUtcNow();
        if (code is not null)
        {
            // A wrong code says no more than an unknown ticket.
            if (loaded is null || !QueryCodes.Matches(loaded.Complaint.QueryCode, code))
            {
                throw ComplaintService.NotFound(ticketNo);
            }

            return HttpResult.Ok(ComplaintViews.Filer(loaded.Complaint, calendar, now));
        }

        var c = (loaded ?? throw ComplaintService.NotFound(ticketNo)).Complaint;
        var viewer = Viewers(caller!).FirstOrDefault(v => ComplaintPrivacy.CanView(c, v))
            ?? throw Problems.Forbidden("only the owning department's handlers, the hotline, supervisors and the filer see this ticket");
        if (viewer.Role == ComplaintRoles.Citizen)
        {
            return HttpResult.Ok(ComplaintViews.Filer(c, calendar, now)).WithHeader("ETag", ETag(c));
        }

        await AuditAsync(c, viewer, caller!, request, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(ComplaintViews.Staff(c, viewer, calendar, now)).WithHeader("ETag", ETag(c));
    }

    [Function("ComplaintsList")]
    [AnyRole(Roles.Handler, Roles.Supervisor)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "complaints")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var department = request.QueryValue("department");
        if (department is not null && !IsCode(department))
        {
            throw Problems.BadParameter("department", $"'{department}' is not a department code");
        }

        ComplaintViewer viewer;
        string partition;
        if (caller.IsInRole(Roles.Supervisor))
        {
            viewer = new ComplaintViewer(ComplaintRoles.Supervisor, caller.Department, caller.Subject);
            partition = department is null ? ComplaintProjection.AllPartition : ComplaintProjection.DepartmentPartition(department);
        }
        else
        {
            var own = string.IsNullOrEmpty(caller.Department) ? throw Problems.Forbidden("a handler's token names its department (dept)") : caller.Department;
            if (department is not null && department != own)
            {
                throw Problems.Forbidden($"a handler of '{own}' lists only its own department's tickets, not '{department}'");
            }

            viewer = new ComplaintViewer(ComplaintRoles.Handler, own, caller.Subject);
            partition = ComplaintProjection.DepartmentPartition(own);
        }

        var stateText = request.QueryValue("state");
        var state = stateText is null ? (ComplaintState?)null
            : ComplaintNames.ParseState(stateText) ?? throw Problems.BadParameter("state", $"state '{stateText}' is not one of received, assigned, in-progress, answered, closed, reopened");
        bool? overdue = request.QueryValue("overdue") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw Problems.BadParameter("overdue", $"overdue '{other}' is not true or false"),
        };
        var pageSize = PageSize(request);
        var continuation = request.QueryValue("continuation");
        if (!ComplaintProjection.IsContinuation(continuation))
        {
            throw Problems.BadParameter("continuation", "the continuation is not one this list gave");
        }

        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = complaints.Clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var stateName = state is { } s ? ComplaintNames.Of(s) : null;
        var (rows, next) = await projection.ListAsync(
            partition,
            continuation,
            pageSize,
            row => (stateName is null || row.State == stateName) && (overdue is null || row.OverdueOn(today) == overdue),
            cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(new { items = rows.Select(r => ComplaintViews.ListItem(r, viewer, calendar, now)), continuation = next });
    }

    [Function("ComplaintCommand")]
    [AnyRole(Roles.Handler, Roles.Hotline, Roles.Supervisor)]
    public async Task<IResult> CommandAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "complaints/{ticketNo}/{action}")] HttpRequest request, string ticketNo, string action, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var command = ComplaintNames.ParseAction(action)
            ?? throw Problems.NotFound("complaint.unknown_action", "工单操作不存在", $"no ticket action '{action}'; use assign, transfer, accept, explain, answer, follow-up, reopen or close");
        var allowed = ComplaintStateMachine.RolesFor(command);
        var role = RolePreference.FirstOrDefault(r => allowed.Contains(r) && caller.IsInRole(r))
            ?? throw Problems.From(ComplaintErrors.RoleNotAllowed(command, string.Join(",", caller.Roles)));
        if (role == Roles.Handler && string.IsNullOrEmpty(caller.Department))
        {
            throw Problems.Forbidden("a handler's token names its department (dept)");
        }

        var actor = new ComplaintActor(caller.Subject, caller.Name, role, role == Roles.Handler ? caller.Department : null);
        var ifMatch = request.IfMatchVersion();
        var execute = await ParseAsync(request, command, actor, cancellationToken).ConfigureAwait(false);
        var next = await complaints.ExecuteAsync(ticketNo, execute, actor, ifMatch, cancellationToken).ConfigureAwait(false);
        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var viewer = new ComplaintViewer(role, actor.Department, caller.Subject);
        await AuditAsync(next, viewer, caller, request, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(ComplaintViews.Staff(next, viewer, calendar, complaints.Clock.GetUtcNow())).WithHeader("ETag", ETag(next));
    }

    /// <summary>
    /// Records that staff were shown the filer's contact (only when <see cref="ComplaintPrivacy"/> lets them see it),
    /// with the location when the ticket has one. The location alone, which every handler is shown to act on, is not recorded.
    /// </summary>
    private Task AuditAsync(Complaint c, ComplaintViewer viewer, Caller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        var contact = ComplaintPrivacy.ContactFor(c, viewer, listing: false);
        if (contact is null)
        {
            return Task.CompletedTask;
        }

        string?[] fields = [contact.Name is null ? null : "contact.name", contact.Phone is null ? null : "contact.phone", contact.Email is null ? null : "contact.email", c.Location is null ? null : "location"];
        return audit.RecordAsync(caller, "ticket", c.TicketNo, [.. fields.OfType<string>()], $"{request.Method} {request.Path}", cancellationToken);
    }

    [Function("ComplaintSummary")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> SummaryAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/complaints")] HttpRequest request, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(complaints.Clock.GetUtcNow());
        var to = Date(request, "to") ?? today;
        var from = Date(request, "from") ?? to.AddDays(-29);
        if (to < from)
        {
            throw Problems.BadParameter("to", $"to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
        }

        if (to.DayNumber - from.DayNumber >= MaxSummaryDays)
        {
            throw Problems.BadParameter("to", $"the period is at most {MaxSummaryDays} days");
        }

        var department = request.QueryValue("department");
        if (department is not null && !IsCode(department))
        {
            throw Problems.BadParameter("department", $"'{department}' is not a department code");
        }

        var partition = department is null ? ComplaintProjection.AllPartition : ComplaintProjection.DepartmentPartition(department);
        var summary = new ComplaintSummary(today);
        await foreach (var entity in projection.ReceivedBetweenAsync(partition, ChinaTime.StartOf(from), ChinaTime.EndOf(to), cancellationToken).ConfigureAwait(false))
        {
            var row = ComplaintListRow.From(entity);
            if (department is null || row.Department == department)
            {
                summary.Add(row);
            }
        }

        var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var items = (await directory.ItemsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        return HttpResult.Ok(summary.View(from, to, department, departments.ToDictionary(d => d.Key, d => d.Value.Name, StringComparer.Ordinal), items));
    }

    /// <summary>The body of each action, read (400 malformed, 422 invalid) before the ticket is loaded.</summary>
    private async Task<ComplaintService.Command> ParseAsync(HttpRequest request, ComplaintAction action, ComplaintActor actor, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case ComplaintAction.Assign:
                var assign = request.ReadJson<DepartmentBody>();
                await RequireDepartmentAsync(assign.Department, cancellationToken).ConfigureAwait(false);
                return (c, ctx, _) => c.Assign(assign.Department, actor, ctx);
            case ComplaintAction.Transfer:
                var transfer = request.ReadJson<DepartmentBody>();
                await RequireDepartmentAsync(transfer.Department, cancellationToken).ConfigureAwait(false);
                return (c, ctx, _) => c.Transfer(transfer.Department, transfer.Reason, actor, ctx);
            case ComplaintAction.Accept:
                OptionalBody(request);
                return (c, ctx, _) => c.Accept(actor, ctx);
            case ComplaintAction.Explain:
                var explain = request.ReadJson<ExplainBody>();
                DateOnly? expectedBy = null;
                if (explain.ExpectedBy is not null)
                {
                    expectedBy = DateOnly.TryParseExact(explain.ExpectedBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : throw Problems.From(ComplaintErrors.Invalid("expectedBy", "预计答复日期须为 YYYY-MM-DD"));
                }

                return (c, ctx, _) => c.Explain(expectedBy, explain.Reason, actor, ctx);
            case ComplaintAction.Answer:
                var answer = request.ReadJson<AnswerBody>();
                return (c, ctx, names) => c.Answer(answer.Answer, actor, ctx, c.Owner is { } owner ? names.GetValueOrDefault(owner) : null);
            case ComplaintAction.FollowUp:
                var followUp = request.ReadJson<FollowUpBody>();
                return (c, ctx, _) => c.FollowUp(followUp.Satisfied, followUp.Note, actor, ctx);
            case ComplaintAction.Reopen:
                var reopen = request.ReadJson<ReasonBody>();
                return (c, ctx, _) => c.Reopen(reopen.Reason, actor, ctx);
            case ComplaintAction.Close:
                OptionalBody(request);
                return (c, ctx, _) => c.Close(actor, ctx);
            default:
                throw Problems.NotFound("complaint.unknown_action", "工单操作不存在", $"no ticket action '{ComplaintNames.Of(action)}'");
        }
    }

    /// <summary>A department named in a body must exist (422); a malformed code is the domain's to refuse.</summary>
    private async Task RequireDepartmentAsync(string? department, CancellationToken cancellationToken)
    {
        if (IsCode(department) && !(await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false)).ContainsKey(department!))
        {
            throw Problems.From(ComplaintErrors.Invalid("department", "承办部门不存在"));
        }
    }

    /// <summary><c>accept</c> and <c>close</c> take no body; one sent must still be JSON (<c>{}</c>).</summary>
    private static void OptionalBody(HttpRequest request)
    {
        if (!request.BodyBytes().IsEmpty)
        {
            _ = request.ReadJson<EmptyBody>();
        }
    }

    /// <summary>The viewers a caller may be, most entitled first.</summary>
    private static IEnumerable<ComplaintViewer> Viewers(Caller caller)
    {
        if (caller.IsInRole(Roles.Supervisor))
        {
            yield return new ComplaintViewer(ComplaintRoles.Supervisor, caller.Department, caller.Subject);
        }

        if (caller.IsInRole(Roles.Hotline))
        {
            yield return new ComplaintViewer(ComplaintRoles.Hotline, caller.Department, caller.Subject);
        }

        if (caller.IsInRole(Roles.Handler) && !string.IsNullOrEmpty(caller.Department))
        {
            yield return new ComplaintViewer(ComplaintRoles.Handler, caller.Department, caller.Subject);
        }

        if (caller.IsInRole(Roles.Citizen))
        {
            yield return new ComplaintViewer(ComplaintRoles.Citizen, null, caller.Subject);
        }
    }

    private static int PageSize(HttpRequest request)
    {
        var text = request.QueryValue("pageSize");
        if (text is null)
        {
            return DefaultPageSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw Problems.BadParameter("pageSize", $"pageSize is 1–{MaxPageSize}");
    }

    private static DateOnly? Date(HttpRequest request, string name)
    {
        var text = request.QueryValue(name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problems.BadParameter(name, $"{name} '{text}' is not a date (YYYY-MM-DD)");
    }

    private static string ETag(Complaint c) => $"\"{c.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static bool IsCode(string? code) => code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private sealed record EmptyBody;

    private sealed record DepartmentBody(string? Department, string? Reason);

    private sealed record ExplainBody(string? ExpectedBy, string? Reason);

    private sealed record AnswerBody(string? Answer);

    private sealed record FollowUpBody(bool? Satisfied, string? Note);

    private sealed record ReasonBody(string? Reason);
}
