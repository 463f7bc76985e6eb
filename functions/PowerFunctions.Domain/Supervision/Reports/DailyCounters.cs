namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>The counters of one department on one day (China date): the row the app keeps and a report sums.</summary>
public sealed record DailyCounters(string Department, DateOnly Day, DepartmentCounters Counts);
