using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// 预警纠错 (seed 003; municipal 电子监察 rules): <c>GET /api/supervision/alerts?level=&amp;kind=&amp;department=&amp;status=</c>
/// (supervisors, every department; a department's staff, their own), a plain array by default or pages with
/// <c>pageSize</c>/<c>continuation</c>; <c>GET …/alerts/{id}</c>; <c>POST …/alerts/{id}/acknowledge {note}</c> (staff of the
/// alert's department: what they did), <c>…/close {note?}</c> and <c>…/escalate {finding?, requirement, workingDays}</c>
/// (supervisor: into a sealed 整改通知书).
/// </summary>
public sealed class AlertFunctions(AlertStore alerts, RectificationService rectifications, SupervisionRegistry registry, TimeProvider clock)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    [Function("SupervisionAlerts")]
    [SignedIn]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/alerts")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        AlertLevel? level = null;
        if (request.QueryValue("level") is { } levelText)
        {
            level = AlertRecordRules.TryParseLevel(levelText, out var parsed) ? parsed : throw Problems.BadParameter("level", $"level '{levelText}' is not yellow or red");
        }

        AlertKind? kind = null;
        if (request.QueryValue("kind") is { } kindText)
        {
            kind = AlertKind.TryParse(kindText, out var parsed) ? parsed : throw Problems.BadParameter("kind", $"kind '{kindText}' is not an alert kind");
        }

        var department = SupervisionActors.Department(request.QueryValue("department"));
        if (!caller.IsInRole(Roles.Supervisor))
        {
            var own = SupervisionActors.Staff(caller).Department!;
            if (department is not null && department != own)
            {
                throw Problems.Forbidden($"staff of '{own}' may not list another department's alerts");
            }

            department = own;
        }

        var status = request.QueryValue("status");
        Func<StoredAlert, bool> statusFilter = status switch
        {
            null => a => a.State != AlertState.Closed,
            "open" => a => a.State == AlertState.Open,
            "acknowledged" => a => a.State == AlertState.Acknowledged,
            "closed" => a => a.State == AlertState.Closed,
            "resolved" => a => a.SubjectResolvedAt is not null,
            "superseded" => a => a.Closure == AlertClosure.Superseded,
            "all" => _ => true,
            var other => throw Problems.BadParameter("status", $"status '{other}' is not open, acknowledged, closed, resolved, superseded or all"),
        };
        var liveOnly = status is null or "open" or "acknowledged";
        var paged = request.QueryValue("pageSize") is not null || request.QueryValue("continuation") is not null;
        var pageSize = ParsePageSize(request.QueryValue("pageSize"));
        AlertPosition? from = null;
        if (request.QueryValue("continuation") is { } token)
        {
            from = AlertPosition.Decode(token) ?? throw Problems.BadParameter("continuation", "the continuation token is not one this listing gave");
        }

        var departments = department is not null
            ? [department]
            : (await registry.DepartmentsAsync(cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal).ToList();
        bool Keep(StoredAlert a) => statusFilter(a) && (level is null || a.Level == level) && (kind is null || a.Id.Split('.')[2] == kind.Code);
        var (found, next) = await alerts.ListAsync(departments, liveOnly, Keep, paged ? pageSize : int.MaxValue, from, cancellationToken).ConfigureAwait(false);
        if (paged)
        {
            return HttpResult.Ok(new { items = found.Select(AlertView.Of).ToList(), continuation = next?.Encode() });
        }

        return HttpResult.Ok(found
            .OrderBy(a => a.Due).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(AlertView.Of)
            .ToList());
    }

    [Function("SupervisionAlertGet")]
    [SignedIn]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/alerts/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        SupervisionActors.RequireReader(caller);
        var found = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (!SupervisionActors.MayRead(caller, found.Department))
        {
            throw Problems.Forbidden("only supervisors and the department's own staff may read this alert");
        }

        return HttpResult.Ok(AlertView.Of(found));
    }

    [Function("SupervisionAlertAcknowledge")]
    [SignedIn]
    public async Task<IResult> AcknowledgeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/alerts/{id}/acknowledge")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Staff(request.RequireCaller());
        var body = request.ReadJson<NoteBody>();
        ParseId(id);
        var changed = await alerts.ChangeAsync(id, a => a.Acknowledge(body.Note, actor, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(AlertView.Of(changed));
    }

    [Function("SupervisionAlertClose")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> CloseAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/alerts/{id}/close")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.BodyBytes().IsEmpty ? new NoteBody(null) : request.ReadJson<NoteBody>();
        ParseId(id);
        var changed = await alerts.ChangeAsync(id, a => a.Close(body.Note, actor, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(AlertView.Of(changed));
    }

    /// <summary>
    /// Escalates an alert into a rectification notice (预警纠错 → 整改): the notice goes to the alert's department about its
    /// case or ticket, then the alert closes as escalated. One alert makes one notice, however often this is retried.
    /// </summary>
    [Function("SupervisionAlertEscalate")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> EscalateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/alerts/{id}/escalate")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<EscalateBody>();
        var found = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        var alert = found.ToAlert();
        if (alert.State == AlertState.Closed && alert.Closure != AlertClosure.Escalated)
        {
            alert.Escalate("ZG-PROBE", actor, clock.GetUtcNow()).OrThrow(); // 409 with what is allowed
        }

        var request2 = new RectificationRequest
        {
            Department = alert.Department,
            CaseNo = alert.Subject.Type == AlertSubjectType.Case ? alert.Subject.Id : null,
            TicketNo = alert.Subject.Type == AlertSubjectType.Ticket ? alert.Subject.Id : null,
            AlertId = alert.Id,
            Finding = string.IsNullOrWhiteSpace(body.Finding) ? DefaultFinding(found) : body.Finding,
            Requirement = body.Requirement,
            WorkingDays = body.WorkingDays,
        };
        var rectification = await rectifications.IssueAsync(request2, actor, "alert:" + alert.Id, cancellationToken).ConfigureAwait(false);
        var changed = alert.State == AlertState.Closed
            ? found
            : await alerts.ChangeAsync(id, a => a.State == AlertState.Closed && a.RectificationId == rectification.Id ? a : a.Escalate(rectification.Id, actor, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return HttpResult.Created(new { alert = AlertView.Of(changed), rectification }, $"/api/supervision/rectifications/{rectification.Id}");
    }

    private static string DefaultFinding(StoredAlert alert)
    {
        var a = alert.ToAlert();
        var level = a.Level == AlertLevel.Red ? "红牌（已超过时限）" : "黄牌（临近时限）";
        return $"电子监察预警 {a.Id}：{a.Subject.Id} 的 {alert.DeadlineKind} 时限于 {a.Due:yyyy年M月d日} 到期，已发出{level}预警。";
    }

    private async Task<StoredAlert> FindAsync(string id, CancellationToken cancellationToken)
    {
        ParseId(id);
        return (await alerts.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Alert
            ?? throw Problems.NotFound("alert.not_found", "预警不存在", $"no alert '{id}'");
    }

    private static void ParseId(string id) => AlertKey.Parse(id).OrThrow();

    private static int ParsePageSize(string? text)
    {
        if (text is null)
        {
            return 100;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw Problems.BadParameter("pageSize", $"pageSize must be 1–{MaxPageSize}");
    }

    private sealed record NoteBody(string? Note);

    private sealed record EscalateBody(string? Finding, string? Requirement, int? WorkingDays);
}
