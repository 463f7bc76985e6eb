using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Supervision.Counters;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>
/// 周清月结季通报年考核 (seed 002): a period's report from the per-department, per-day counters (one range query per
/// department and month, never the cases), the rectifications open at the period's end, scored and ranked by
/// <see cref="ReportBuilder"/>. A closed period's report is built once and stored (<see cref="ReportStore"/>); an open
/// period's is built on each request and says <c>final: false</c>. Closing a quarter also files its sealed 通报
/// (<see cref="QuarterlyBulletin"/>).
/// </summary>
public sealed class ReportService(
    CounterStore counters,
    ReportStore reports,
    SupervisionDirectory directory,
    RectificationService rectifications,
    IDocumentIssuer documents,
    SupervisionOptions options,
    TimeProvider clock,
    ILogger<ReportService> logger)
{
    /// <summary>The report of <paramref name="period"/>: the stored one when closed, else built now.</summary>
    public async Task<PeriodReport> GetAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        if (period.IsClosedAt(now) && await reports.GetAsync(period.Code, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var report = await BuildAsync(period, now, cancellationToken).ConfigureAwait(false);
        return report.Final ? await reports.AddAsync(report, cancellationToken).ConfigureAwait(false) : report;
    }

    /// <summary>Builds (without storing) the report of <paramref name="period"/> as the counters stand at <paramref name="now"/>.</summary>
    public async Task<PeriodReport> BuildAsync(ReportPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var days = new List<DailyCounters>();
        foreach (var d in departments)
        {
            days.AddRange(await counters.DaysAsync(d.Code, period.From, period.To, cancellationToken).ConfigureAwait(false));
        }

        var open = await rectifications.OpenAtEndAsync([.. departments.Select(d => d.Code)], period.To, cancellationToken).ConfigureAwait(false);
        return ReportBuilder.Build(period, departments, days, open, now);
    }

    /// <summary>
    /// Stores the reports of every period that closed in the last <paramref name="days"/> days (the daily timer: the week on
    /// Monday, the month on the 1st, …); a period stored before is left as it is; a closed quarter's 通报 is issued (once:
    /// its document id is fixed per quarter). Returns the periods stored or found.
    /// </summary>
    public async Task<IReadOnlyList<PeriodReport>> CloseRecentAsync(int days, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var closed = new List<PeriodReport>();
        for (var back = 0; back < days; back++)
        {
            foreach (var period in ReportPeriod.ClosingOn(today.AddDays(-back)))
            {
                var report = await GetAsync(period, cancellationToken).ConfigureAwait(false);
                closed.Add(report);
                logger.LogInformation("supervision report {Period} closed", period.Code);
                if (period.Kind == ReportPeriodKind.Quarter && report.Final)
                {
                    var bulletin = await documents.IssueAsync(QuarterlyBulletin.Request(report, period, options, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("quarterly bulletin of {Period} filed as document {DocumentId}", period.Code, bulletin.Id);
                }
            }
        }

        return closed;
    }
}
