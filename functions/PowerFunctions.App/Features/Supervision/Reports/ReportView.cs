using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>
/// <c>GET /api/supervision/reports/{period}</c>: <c>{period, from, to, departments:[…]}</c>, plus <c>final</c> (the period
/// had closed: these numbers are stored and never change) and the score's <c>formula</c>.
/// </summary>
public sealed record ReportView(string Period, DateOnly From, DateOnly To, bool Final, string Formula, IReadOnlyList<DepartmentReportView> Departments)
{
    public static ReportView Of(PeriodReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Period, report.From, report.To, report.Final, ReportScore.Formula, [.. report.Departments.Select(DepartmentReportView.Of)]);
    }
}
