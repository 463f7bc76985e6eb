namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>
/// One 责任追究 record, never changed or deleted. A correction is a new record whose <see cref="Corrects"/> names the
/// record it corrects (with <see cref="CorrectionReason"/>); <see cref="AccountabilityLedger"/> shows the chain.
/// <see cref="Year"/> is the year of the decision (China date) that listings by year use.
/// </summary>
public sealed record AccountabilityRecord
{
    public required string Id { get; init; }

    public required string Department { get; init; }

    public AccountabilityPerson? Subject { get; init; }

    public required AccountabilityMeasure Measure { get; init; }

    public required string Reason { get; init; }

    public required string Basis { get; init; }

    public string? RectificationId { get; init; }

    public string? AlertId { get; init; }

    /// <summary>Who decided: the supervisor's token subject and name.</summary>
    public required string DecidedBy { get; init; }

    public required string DecidedByName { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required DateOnly DecidedOn { get; init; }

    /// <summary>The record this one corrects, if it is a correction.</summary>
    public string? Corrects { get; init; }

    public string? CorrectionReason { get; init; }

    public int Year => DecidedOn.Year;

    public bool IsCorrection => Corrects is not null;
}
