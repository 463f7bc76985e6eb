namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>
/// What a supervisor records (API.md <c>POST /api/supervision/accountability</c>): department, the person (optional),
/// the measure (<see cref="AccountabilityNames"/> codes), the reason, the basis (defaults to the link when omitted),
/// and the rectification or alert it follows from.
/// </summary>
public sealed record AccountabilityRequest
{
    public string? Department { get; init; }

    public AccountabilityPerson? Subject { get; init; }

    public string? Measure { get; init; }

    public string? Reason { get; init; }

    public string? Basis { get; init; }

    public string? RectificationId { get; init; }

    public string? AlertId { get; init; }
}
