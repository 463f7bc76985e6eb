using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Features.Supervision.Reports;

/// <summary>One department's line of a report, with API.md's field names (department-level numbers only: no person).</summary>
public sealed record DepartmentReportView(
    string Code,
    string Name,
    long Received,
    long Decided,
    long OnTime,
    decimal? OnTimeRate,
    long Overdue,
    long AlertsRed,
    long AlertsYellow,
    long Complaints,
    long ComplaintsOnTime,
    long RatingsGood,
    long RatingsBad,
    long RectificationsOpen,
    decimal Score,
    int Rank)
{
    public static DepartmentReportView Of(DepartmentReportRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Code, r.Name, r.Received, r.Decided, r.OnTime, r.OnTimeRate, r.Overdue, r.AlertsRed, r.AlertsYellow,
            r.Complaints, r.ComplaintsOnTime, r.RatingsGood, r.RatingsBad, r.RectificationsOpen, r.Score, r.Rank);
    }
}
