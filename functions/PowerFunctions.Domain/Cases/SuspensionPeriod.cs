using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// A period the decision clock stood still for an excluded procedure: from <see cref="From"/>, until
/// <see cref="Until"/> (null while it lasts); <see cref="ExpectedUntil"/> is the end the applicant was told.
/// </summary>
public sealed record SuspensionPeriod(SuspensionReason Reason, string? Note, DateOnly From, DateOnly? Until, DateOnly? ExpectedUntil = null);
