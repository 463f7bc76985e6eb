namespace PowerFunctions.Domain.Cases;

/// <summary>One line of a correction notice: a missing or defective material and why.</summary>
public sealed record MissingMaterial(string Code, string Reason);
