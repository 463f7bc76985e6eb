using PowerFunctions.Storage;
using System.Globalization;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Supervision;
using PowerFunctions.Domain.Supervision.Reports;
using PowerFunctions.App.Features.Timers;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>
/// 好差评: the applicant rates a concluded case once; a bad rating (不满意/非常不满意) obliges the
/// department to rectify within the configured working days (国办发〔2019〕51号; local rules 5–15),
/// with a sealed 整改通知书 and yellow/red supervision alerts on that date.
/// <c>POST /api/evaluations</c>, <c>GET /api/evaluations</c>, <c>GET /api/evaluations/{caseNo}</c>,
/// <c>POST /api/evaluations/{caseNo}/rectification</c>.
/// </summary>
public sealed class EvaluationFunctions(
    EvaluationStore store,
    ICaseSummaries cases,
    ICalendarProvider calendars,
    IDocumentIssuer documents,
    ITimerScheduler timers,
    IAlertSink alerts,
    ISupervisionCounters counters,
    EvaluationOptions options,
    TimeProvider clock)
{
    /// <summary>Timer kind of the rectification deadline's alerts.</summary>
    public const string TimerKind = "evaluation-rectification";

    /// <summary>Deadline kind in supervision alerts.</summary>
    public const string DeadlineKind = "evaluation-rectification";

    private static readonly string[] StaffRoles = [Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer];

    [Function("EvaluationsRate")]
    [AnyRole(Roles.Citizen)]
    public async Task<IResult> RateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "evaluations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<RateRequest>();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.CaseNo))
        {
            errors["caseNo"] = ["required"];
        }

        if (!EvaluationRules.TryParseLevel(body.Level, out var level))
        {
            errors["level"] = ["one of very-satisfied, satisfied, basically-satisfied, dissatisfied, very-dissatisfied"];
        }

        if (errors.Count > 0)
        {
            throw Problems.Validation(errors);
        }

        var summary = await FindCaseAsync(body.CaseNo!, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(summary.ApplicantSubject, caller.Subject, StringComparison.Ordinal))
        {
            throw Problems.Forbidden("only the applicant of the case may rate it");
        }

        if (!summary.Concluded)
        {
            throw new ProblemException(409, "evaluation.case_not_concluded", "办件尚未办结，暂不能评价", $"case {summary.CaseNo} is {summary.State}");
        }

        var existing = await store.GetAsync(summary.DepartmentCode, summary.CaseNo, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            throw new ProblemException(409, "evaluation.already_rated", "该办件已评价", $"case {summary.CaseNo} was rated at {existing.Evaluation.RatedAt:O}");
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var evaluation = Evaluation.Rate(calendar, summary.CaseNo, summary.ItemCode, summary.DepartmentCode, caller.Subject, level, body.Comment, now, options.RectificationWorkingDays).OrThrow();

        string? documentId = null;
        if (evaluation.RectificationDue is { } due)
        {
            // Timers and the notice come first: a crash before the row is written leaves a timer that
            // finds nothing to do and a notice that a retry reuses, never a bad review with no deadline.
            await timers.ScheduleAsync(
                [
                    new DurableTimer(TimerKind, summary.CaseNo, "yellow", AlertRules.YellowFrom(calendar, due.Date), 1),
                    new DurableTimer(TimerKind, summary.CaseNo, "red", AlertRules.RedFrom(due.Date), 1),
                ],
                cancellationToken).ConfigureAwait(false);
            var issued = await documents.IssueAsync(RectificationNotice(summary, evaluation, due.Date), cancellationToken).ConfigureAwait(false);
            documentId = issued.Id;
        }

        if (!await store.TryAddAsync(evaluation, documentId, cancellationToken).ConfigureAwait(false))
        {
            throw new ProblemException(409, "evaluation.already_rated", "该办件已评价", $"case {summary.CaseNo} was rated concurrently");
        }

        await counters.RecordAsync(SupervisionCounters.ForEvaluation(evaluation), cancellationToken).ConfigureAwait(false);

        return HttpResult.Created(EvaluationView.From(new StoredEvaluation(evaluation, documentId, default), now), $"/api/evaluations/{summary.CaseNo}");
    }

    [Function("EvaluationsList")]
    [AnyRole(Roles.Supervisor, Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "evaluations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var department = request.QueryValue("department");
        if (!caller.IsInRole(Roles.Supervisor))
        {
            // Department staff see their own department's ratings only.
            if (department is not null && department != caller.Department)
            {
                throw Problems.Forbidden($"staff of '{caller.Department}' may not list another department's evaluations");
            }

            department = caller.Department ?? throw Problems.Forbidden("the token names no department");
        }

        if (department is not null && (department.Length is 0 or > 64 || !StorageNames.HasOnlyKeyCharacters(department)))
        {
            throw Problems.BadParameter("department", $"'{department}' is not a department code");
        }

        var status = request.QueryValue("status");
        if (status is not null and not ("recorded" or "awaiting-rectification" or "rectified" or "overdue"))
        {
            throw Problems.BadParameter("status", $"status '{status}' is not recorded, awaiting-rectification, rectified or overdue");
        }

        var now = clock.GetUtcNow();
        var views = (await store.ListAsync(department, cancellationToken).ConfigureAwait(false))
            .Select(s => EvaluationView.From(s, now))
            .Where(v => status switch
            {
                null => true,
                "overdue" => v.Overdue,
                _ => v.Status == status,
            })
            .OrderBy(v => v.RatedAt)
            .ToList();
        return HttpResult.Ok(views);
    }

    [Function("EvaluationsGet")]
    [SignedIn]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "evaluations/{caseNo}")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var summary = await FindCaseAsync(caseNo, cancellationToken).ConfigureAwait(false);
        var mayRead = caller.IsInRole(Roles.Supervisor)
            || (caller.IsInRole(Roles.Citizen) && string.Equals(summary.ApplicantSubject, caller.Subject, StringComparison.Ordinal))
            || (StaffRoles.Any(caller.IsInRole) && caller.Department == summary.DepartmentCode);
        if (!mayRead)
        {
            throw Problems.Forbidden("only the applicant, the department's staff and supervisors may read this evaluation");
        }

        var stored = await store.GetAsync(summary.DepartmentCode, summary.CaseNo, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("evaluation.not_found", "该办件尚无评价", $"case {summary.CaseNo} has not been rated");
        return HttpResult.Ok(EvaluationView.From(stored, clock.GetUtcNow()));
    }

    [Function("EvaluationsRectify")]
    [AnyRole(Roles.Acceptor, Roles.Reviewer, Roles.Decider, Roles.Deliverer)]
    public async Task<IResult> RectifyAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "evaluations/{caseNo}/rectification")] HttpRequest request, string caseNo, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<RectifyRequest>();
        var summary = await FindCaseAsync(caseNo, cancellationToken).ConfigureAwait(false);
        caller.RequireDepartment(summary.DepartmentCode);
        var stored = await store.GetAsync(summary.DepartmentCode, summary.CaseNo, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("evaluation.not_found", "该办件尚无评价", $"case {summary.CaseNo} has not been rated");
        var now = clock.GetUtcNow();
        var next = stored.Evaluation.Rectify(body.Measures ?? string.Empty, caller.Subject, now).OrThrow();
        await store.UpdateAsync(stored, next, cancellationToken).ConfigureAwait(false);
        await alerts.ResolveAsync(summary.CaseNo, DeadlineKind, now, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(EvaluationView.From(stored with { Evaluation = next }, now));
    }

    private async Task<CaseSummary> FindCaseAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (caseNo.Length > 64 || !StorageNames.HasOnlyKeyCharacters(caseNo))
        {
            throw Problems.BadParameter("caseNo", $"'{caseNo}' is not a case number");
        }

        return await cases.FindAsync(caseNo, cancellationToken).ConfigureAwait(false)
            ?? throw Problems.NotFound("case.not_found", "办件不存在", $"no case {caseNo}");
    }

    private static DocumentRequest RectificationNotice(CaseSummary summary, Evaluation evaluation, DateOnly due) => new()
    {
        DocumentId = $"{summary.CaseNo}-rectification-notice",
        Type = DocumentType.RectificationNotice,
        CaseNo = summary.CaseNo,
        DepartmentCode = summary.DepartmentCode,
        DepartmentName = summary.DepartmentName,
        ApplicantName = summary.ApplicantName,
        ItemName = summary.ItemName,
        IssuedAt = evaluation.RatedAt,
        Fields =
        [
            new DocumentField("评价等级", EvaluationRules.ChineseName(evaluation.Level)),
            new DocumentField("整改期限", due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
        ],
        Paragraphs =
        [
            $"申请人对“{summary.ItemName}”（办件编号 {summary.CaseNo}）的服务评价为“{EvaluationRules.ChineseName(evaluation.Level)}”。",
            $"评价内容：{evaluation.Comment}",
            $"请{summary.DepartmentName}核实情况，于 {due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 前完成整改，并将整改情况反馈申请人。",
        ],
        LegalBasis = "《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）",
    };

    private sealed record RateRequest(string? CaseNo, string? Level, string? Comment);

    private sealed record RectifyRequest(string? Measures);
}
