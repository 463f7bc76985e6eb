namespace PowerFunctions.Domain.Guidance;

/// <summary>The quarterly register report: the quarter, the date it was drawn up to, one row per department and the total.</summary>
public sealed record GuidanceReport(string Quarter, DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<GuidanceReportRow> Departments, GuidanceReportRow Total);
