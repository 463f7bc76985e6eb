using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>
/// 周清月结季通报年考核 (seed 002): <c>GET /api/supervision/reports/{period}</c> (supervisor; <c>?format=csv</c> for the same
/// table as CSV), <c>GET /api/public/reports/{period}</c> (anyone: department-level numbers only), and
/// <c>SupervisionPeriodClose</c>, a daily timer (00:10 China time) that stores the reports of the periods just closed.
/// </summary>
public sealed class ReportFunctions(ReportService reports, ILogger<ReportFunctions> logger)
{
    /// <summary>Every day at 16:10 UTC (00:10 in China), NCRONTAB with seconds.</summary>
    public const string DailyAfterMidnightInChina = "0 10 16 * * *";

    [Function("SupervisionReport")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/reports/{period}")] HttpRequest request, string period, CancellationToken cancellationToken)
    {
        var format = request.QueryValue("format") ?? "json";
        if (format is not ("json" or "csv"))
        {
            throw Problems.BadParameter("format", $"format '{format}' is not json or csv");
        }

        var report = await reports.GetAsync(Parse(period), cancellationToken).ConfigureAwait(false);
        if (format == "csv")
        {
            return HttpResult.Text(200, ReportCsv.Render(report), "text/csv; charset=utf-8")
                .WithHeader("Content-Disposition", $"attachment; filename=\"report-{report.Period}.csv\"");
        }

        return HttpResult.Ok(ReportView.Of(report));
    }

    [Function("PublicReport")]
    [Public]
    public async Task<IResult> GetPublicAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/reports/{period}")] HttpRequest request, string period, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(Parse(period), cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(ReportView.Of(report));
    }

    [Function("SupervisionPeriodClose")]
    public async Task CloseOnTimerAsync([TimerTrigger(DailyAfterMidnightInChina)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var closed = await reports.CloseRecentAsync(3, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("SupervisionPeriodClose stored {Count} period reports", closed.Count);
    }

    /// <summary>The period or 400 <c>report.invalid_period</c>.</summary>
    private static ReportPeriod Parse(string period) => ReportPeriod.Parse(period).OrThrow();
}
