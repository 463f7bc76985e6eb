namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>The four report periods of 周清月结季通报年考核 (seed 002): week, month, quarter, year.</summary>
public enum ReportPeriodKind
{
    /// <summary>An ISO week, Monday to Sunday (周清); it closes on the Monday after.</summary>
    Week,

    /// <summary>A calendar month (月结).</summary>
    Month,

    /// <summary>A quarter (季通报).</summary>
    Quarter,

    /// <summary>A calendar year (年考核).</summary>
    Year,
}
