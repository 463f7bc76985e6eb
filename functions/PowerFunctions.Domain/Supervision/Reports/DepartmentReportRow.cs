namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// One department's line of a report (API.md "Supervision centre": <c>{code, name, received, decided, onTime,
/// onTimeRate, overdue, alertsRed, alertsYellow, complaints, complaintsOnTime, ratingsGood, ratingsBad,
/// rectificationsOpen, score, rank}</c>). <see cref="OnTimeRate"/> is null when nothing was decided (0–1, 4 decimals);
/// <see cref="Counts"/> are the period's counters the line and the score come from.
/// </summary>
public sealed record DepartmentReportRow(
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
    int Rank,
    DepartmentCounters Counts);
