namespace PowerFunctions.Domain.Cases;

/// <summary>A period the decision clock stood still: from <see cref="From"/>, until <see cref="Until"/> (null while it lasts).</summary>
public sealed record SuspensionPeriod(string Reason, string? Note, DateOnly From, DateOnly? Until);
