using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>The expected failures of reports, with stable codes and Chinese titles.</summary>
public static class ReportErrors
{
    public static DomainError InvalidPeriod(string? text, string why) => DomainError.Validation(
        "report.invalid_period",
        "统计周期无效",
        $"'{text}' is not a period: {why} (2026-W39, 2026-09, 2026-Q3 or 2026)",
        new Dictionary<string, string[]> { ["period"] = ["统计周期须为 2026-W39（周）、2026-09（月）、2026-Q3（季）或 2026（年）"] });

    public static DomainError PeriodNotClosed(ReportPeriod period) => DomainError.Conflict(
        "report.period_not_closed",
        "统计周期尚未结束",
        $"{period.Code} closes at {HashChain.FormatInstant(period.ClosesAt)}");
}
