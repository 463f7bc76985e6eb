using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.SpotChecks;

/// <summary>
/// Spot checks by risk (seed 003): <c>POST /api/supervision/spot-checks {period, sampleSize, seed?}</c> (supervisor) → 201 the
/// drawn cases with the seed; <c>GET …/spot-checks/{id}</c>; <c>POST …/spot-checks/{id}/results {caseNo, conforming,
/// findings?, requirement?, workingDays?}</c> (supervisor: findings with a requirement issue a 整改通知书);
/// <c>SupervisionMonthlySpotCheck</c>, a timer on the 1st of each month (00:20 China time) drawing the month before.
/// </summary>
public sealed class SpotCheckFunctions(SpotCheckService spotChecks, ILogger<SpotCheckFunctions> logger)
{
    /// <summary>The 1st of each month at 00:20 China time: 16:20 UTC on the last day of the month before is not expressible, so the timer runs daily at 16:20 UTC and the draw is once per month by its id.</summary>
    public const string DailyAfterMidnightInChina = "0 20 16 * * *";

    [Function("SupervisionSpotCheckDraw")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> DrawAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/spot-checks")] HttpRequest request, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<DrawBody>();
        var period = ReportPeriod.Parse(body.Period).OrThrow();
        if (body.SampleSize is not { } size || size < 1 || size > SupervisionOptions.MaxSpotCheckSize)
        {
            throw Problems.BadParameter("sampleSize", $"sampleSize must be 1–{SupervisionOptions.MaxSpotCheckSize}");
        }

        if (body.Seed is < 0)
        {
            throw Problems.BadParameter("seed", "seed must not be negative");
        }

        var check = await spotChecks.DrawAsync(period, size, body.Seed, actor, cancellationToken).ConfigureAwait(false);
        return HttpResult.Created(SpotCheckView.Of(check), $"/api/supervision/spot-checks/{check.Id}");
    }

    [Function("SupervisionSpotCheckGet")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/spot-checks/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        HttpResult.Ok(SpotCheckView.Of(await spotChecks.GetAsync(id, cancellationToken).ConfigureAwait(false)));

    [Function("SupervisionSpotCheckResult")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> RecordAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "supervision/spot-checks/{id}/results")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var actor = SupervisionActors.Supervisor(request.RequireCaller());
        var body = request.ReadJson<ResultBody>();
        var check = await spotChecks.RecordAsync(id, body.CaseNo, body.Conforming, body.Findings, body.Requirement, body.WorkingDays, actor, cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(SpotCheckView.Of(check));
    }

    [Function("SupervisionMonthlySpotCheck")]
    public async Task DrawMonthlyAsync([TimerTrigger(DailyAfterMidnightInChina)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var check = await spotChecks.DrawMonthlyAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("SupervisionMonthlySpotCheck: {Id}", check?.Id ?? "no closed cases last month");
    }

    private sealed record DrawBody(string? Period, int? SampleSize, long? Seed);

    private sealed record ResultBody(string? CaseNo, bool? Conforming, string? Findings, string? Requirement, int? WorkingDays);
}
