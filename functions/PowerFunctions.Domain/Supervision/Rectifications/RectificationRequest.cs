namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// What a supervisor asks for when issuing a 整改通知书 (API.md <c>POST /api/supervision/rectifications</c>): the
/// department, what it concerns (a case, a ticket, and/or where the finding came from: an alert or a spot check), the
/// finding, what must be done, and the working days allowed. <see cref="DepartmentName"/> is printed (the code when absent).
/// </summary>
public sealed record RectificationRequest
{
    public string? Department { get; init; }

    public string? DepartmentName { get; init; }

    public string? CaseNo { get; init; }

    public string? TicketNo { get; init; }

    /// <summary>The alert this notice escalates (预警纠错), if any.</summary>
    public string? AlertId { get; init; }

    /// <summary>The spot check whose finding this is, if any.</summary>
    public string? SpotCheckId { get; init; }

    public string? Finding { get; init; }

    public string? Requirement { get; init; }

    public int? WorkingDays { get; init; }
}
