using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Guidance;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>
/// The guidance register (行政指导, seed 003): <c>POST /api/guidance</c>, <c>POST /api/guidance/{id}/follow-up</c>
/// (enforcers and deciders of the department), <c>GET /api/guidance?department=</c>, <c>GET /api/guidance/{id}</c>
/// and the quarterly report <c>GET /api/guidance/reports/{quarter}</c> (the department's staff see their
/// own department; supervisors and admins any or all).
/// </summary>
public sealed class GuidanceFunctions(GuidanceService guidance, GuidanceStore store)
{
    private const string MeasureWords = "advice（建议）、prompt（提示）或 warning（告诫）";
    private const string ResultWords = "accepted（接受指导）或 refused（不接受指导）";

    [Function("GuidanceRegister")]
    [AnyRole(Roles.Enforcer, Roles.Decider)]
    public async Task<IResult> RegisterAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "guidance")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<RegisterBody>();
        var measure = Measure(body.Measure);
        if (measure is null && !string.IsNullOrWhiteSpace(body.Measure))
        {
            throw Invalid("measure", $"“{body.Measure}”不是可用的指导方式，须为 {MeasureWords}");
        }

        caller.RequireDepartment(string.IsNullOrWhiteSpace(body.Department) ? caller.Department ?? string.Empty : body.Department.Trim());
        var entry = await guidance.RegisterAsync(body.Department ?? caller.Department, body.Target, measure, body.Content, body.Basis, body.FollowUpWorkingDays, caller.Name, cancellationToken).ConfigureAwait(false);
        return HttpResult.Created(await ViewAsync(entry, cancellationToken).ConfigureAwait(false), $"/api/guidance/{entry.Id}");
    }

    [Function("GuidanceFollowUp")]
    [AnyRole(Roles.Enforcer, Roles.Decider)]
    public async Task<IResult> FollowUpAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "guidance/{id}/follow-up")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var body = request.ReadJson<FollowUpBody>();
        var response = Response(body.Result);
        if (response is null && !string.IsNullOrWhiteSpace(body.Result))
        {
            throw Invalid("result", $"“{body.Result}”不是可用的回访结果，须为 {ResultWords}");
        }

        var entry = await guidance.FollowUpAsync(id, response, body.Note, caller.Name, e => caller.RequireDepartment(e.DepartmentCode), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(await ViewAsync(entry, cancellationToken).ConfigureAwait(false));
    }

    [Function("GuidanceList")]
    [AnyRole(Roles.Enforcer, Roles.Decider, Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "guidance")] HttpRequest request, CancellationToken cancellationToken)
    {
        var department = Scope(request.RequireCaller(), request.QueryValue("department"));
        var entries = await store.ListAsync(department, cancellationToken).ConfigureAwait(false);
        var calendar = await guidance.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var now = guidance.Clock.GetUtcNow();
        return HttpResult.Ok(new { items = entries.Select(e => GuidanceViews.Entry(e, calendar, now)) });
    }

    [Function("GuidanceGet")]
    [AnyRole(Roles.Enforcer, Roles.Decider, Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "guidance/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var stored = await guidance.GetRequiredAsync(id, cancellationToken).ConfigureAwait(false);
        request.RequireCaller().RequireDepartment(stored.Entry.DepartmentCode, allowOversight: true);
        return HttpResult.Ok(await ViewAsync(stored.Entry, cancellationToken).ConfigureAwait(false));
    }

    [Function("GuidanceQuarterReport")]
    [AnyRole(Roles.Enforcer, Roles.Decider, Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> ReportAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "guidance/reports/{quarter}")] HttpRequest request, string quarter, CancellationToken cancellationToken)
    {
        var period = GuidanceQuarter.Parse(quarter) ?? throw Problems.BadParameter("quarter", "the quarter is written YYYY-QN, e.g. 2026-Q3");
        var department = Scope(request.RequireCaller(), request.QueryValue("department"));
        var asOf = ChinaTime.Today(guidance.Clock);
        if (request.QueryValue("asOf") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw Problems.BadParameter("asOf", "asOf is a date, YYYY-MM-DD");
        }

        var entries = await store.ListAsync(department, cancellationToken).ConfigureAwait(false);
        var calendar = await guidance.CalendarAsync(cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(GuidanceViews.Report(GuidanceQuarterReport.Build(period, entries, calendar, asOf)));
    }

    /// <summary>Whose register a caller reads: staff only their own department's (403 for another); supervisors and admins the one asked for, or all.</summary>
    private static string? Scope(Caller caller, string? asked)
    {
        var department = string.IsNullOrWhiteSpace(asked) ? null : asked.Trim();
        if (caller.IsInRole(Roles.Supervisor) || caller.IsInRole(Roles.Admin))
        {
            return department;
        }

        caller.RequireDepartment(department ?? caller.Department ?? string.Empty);
        return caller.Department;
    }

    private async Task<object> ViewAsync(GuidanceEntry entry, CancellationToken cancellationToken)
    {
        var calendar = await guidance.CalendarAsync(cancellationToken).ConfigureAwait(false);
        return GuidanceViews.Entry(entry, calendar, guidance.Clock.GetUtcNow());
    }

    private static GuidanceMeasure? Measure(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "advice" or "建议" => GuidanceMeasure.Advice,
        "prompt" or "提示" => GuidanceMeasure.Prompt,
        "warning" or "告诫" or "警示" => GuidanceMeasure.Warning,
        _ => null,
    };

    private static TargetResponse? Response(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "accepted" or "accept" or "接受" or "接受指导" => TargetResponse.Accepted,
        "refused" or "refuse" or "rejected" or "拒绝" or "不接受" or "不接受指导" => TargetResponse.Refused,
        _ => null,
    };

    private static ProblemException Invalid(string field, string message) =>
        Problems.From(GuidanceErrors.Invalid(new Dictionary<string, string[]> { [field] = [message] }));

    private sealed record RegisterBody(string? Department, string? Target, string? Measure, string? Content, string? Basis, int? FollowUpWorkingDays);

    private sealed record FollowUpBody(string? Result, string? Note);
}
