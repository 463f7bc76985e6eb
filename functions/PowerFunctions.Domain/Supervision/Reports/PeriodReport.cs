namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// A report of one period: its code and dates, whether the period had closed when it was built (<see cref="Final"/>:
/// then it is stored once and never rebuilt), and the departments ranked (rank, then code).
/// </summary>
public sealed record PeriodReport(string Period, DateOnly From, DateOnly To, bool Final, IReadOnlyList<DepartmentReportRow> Departments);
