namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>A department listed in a report: its code and name (from the catalog).</summary>
public sealed record ReportDepartment(string Code, string Name);
