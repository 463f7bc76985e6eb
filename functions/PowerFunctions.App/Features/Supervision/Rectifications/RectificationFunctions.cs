using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Evaluations;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>
/// 整改 (seed 002, seed 004): <c>POST /api/supervision/rectifications</c> (supervisor) issues a sealed 整改通知书;
/// <c>POST …/{id}/report {measures}</c> (staff of the department), <c>…/accept {note?}</c>, <c>…/reject {reason, workingDays?}</c>
/// (supervisor); <c>GET /api/supervision/rectifications?department=&amp;status=&amp;flagged=</c> and <c>GET …/{id}</c>
/// (supervisors, or the department's own staff).
/// </summary>
public sealed class RectificationFunctions(RectificationService rectifications, SupervisionDirectory directory, SupervisionRegistry registry, ICaseSummaries cases)
{
    private static readonly string[] Statuses = ["open", "issued", "reported", "sent-back", "accepted", "overdue", "all"];

    [Function("SupervisionRectificationIssue")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> IssueAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/rectifications")] HttpRequest request, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<IssueBody>();
        var rectification = new RectificationRequest
        {
            Department = body.Department,
            CaseNo = body.CaseNo,
            TicketNo = body.TicketNo,
            Finding = body.Finding,
            Requirement = body.Requirement,
            WorkingDays = body.WorkingDays,
        };
        await CheckSubjectAsync(rectification, cancellationToken).ConfigureAwait(false);
        var view = await rectifications.IssueAsync(rectification, actor, null, cancellationToken).ConfigureAwait(false);
        return HttpResult.Created(view, $"/api/supervision/rectifications/{view.Id}");
    }

    [Function("SupervisionRectificationList")]
    [SignedIn]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/rectifications")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var department = SupervisionActors.Department(request.QueryValue("department"));
        if (!caller.IsInRole(Roles.Supervisor))
        {
            var own = SupervisionActors.Staff(caller).Department!;
            if (department is not null && department != own)
            {
                throw Problems.Forbidden($"staff of '{own}' may not list another department's rectifications");
            }

            department = own;
        }

        var status = request.QueryValue("status") ?? "all";
        if (!Statuses.Contains(status))
        {
            throw Problems.BadParameter("status", $"status '{status}' is not one of {string.Join(", ", Statuses)}");
        }

        bool? flagged = request.QueryValue("flagged") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw Problems.BadParameter("flagged", $"flagged '{other}' is not true or false"),
        };
        var departments = department is null ? await registry.DepartmentsAsync(cancellationToken).ConfigureAwait(false) : [department];
        var views = await rectifications.ListAsync(departments, rectifications.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(views
            .Where(v => status switch
            {
                "all" => true,
                "open" => v.IsOpen,
                "overdue" => v.Overdue,
                _ => v.Status == status,
            })
            .Where(v => flagged is null || v.AccountabilityFlagged == flagged)
            .OrderBy(v => v.Due).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToList());
    }

    [Function("SupervisionRectificationGet")]
    [SignedIn]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/rectifications/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        SupervisionActors.RequireReader(caller);
        var rectification = await rectifications.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw RectificationService.NotFound(id);
        if (!SupervisionActors.MayRead(caller, rectification.Department))
        {
            throw Problems.Forbidden("only supervisors and the department's own staff may read this rectification");
        }

        return HttpResult.Ok(RectificationView.Of(rectification, rectifications.Clock.GetUtcNow(), withEvents: true));
    }

    [Function("SupervisionRectificationReport")]
    [SignedIn]
    public async Task<IResult> ReportAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/rectifications/{id}/report")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Staff(request.RequireCaller());
        var body = request.ReadJson<ReportBody>();
        return HttpResult.Ok(await rectifications.ExecuteAsync(id, (r, _, now) => r.Report(body.Measures, actor, now), actor, cancellationToken).ConfigureAwait(false));
    }

    [Function("SupervisionRectificationAccept")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> AcceptAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/rectifications/{id}/accept")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.BodyBytes().IsEmpty ? new NoteBody(null) : request.ReadJson<NoteBody>();
        return HttpResult.Ok(await rectifications.ExecuteAsync(id, (r, _, now) => r.Accept(body.Note, actor, now), actor, cancellationToken).ConfigureAwait(false));
    }

    [Function("SupervisionRectificationReject")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> RejectAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/rectifications/{id}/reject")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<RejectBody>();
        return HttpResult.Ok(await rectifications.ExecuteAsync(id, (r, calendar, now) => r.SendBack(body.Reason, body.WorkingDays, actor, calendar, now), actor, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The department must be one the centre knows (the catalog's, or one seen before), and a case named must be that
    /// department's: 422 otherwise, before anything is written.
    /// </summary>
    private async Task CheckSubjectAsync(RectificationRequest request, CancellationToken cancellationToken)
    {
        if (request.Department is { Length: > 0 and <= 64 } department && department.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && (await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false)).All(d => d.Code != department))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["department"] = [$"部门 {department} 不存在"] });
        }

        if (request.CaseNo is { Length: > 0 and <= 64 } caseNo && caseNo.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            var summary = await cases.FindAsync(caseNo, cancellationToken).ConfigureAwait(false);
            if (summary is null || summary.DepartmentCode != request.Department)
            {
                throw Problems.Validation(new Dictionary<string, string[]> { ["caseNo"] = [summary is null ? $"办件 {caseNo} 不存在" : $"办件 {caseNo} 不属于部门 {request.Department}"] });
            }
        }
    }

    private sealed record IssueBody(string? Department, string? CaseNo, string? TicketNo, string? Finding, string? Requirement, int? WorkingDays);

    private sealed record ReportBody(string? Measures);

    private sealed record NoteBody(string? Note);

    private sealed record RejectBody(string? Reason, int? WorkingDays);
}
