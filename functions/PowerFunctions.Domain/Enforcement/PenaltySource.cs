namespace PowerFunctions.Domain.Enforcement;

/// <summary>Where the case came from, and its reference: the inspection record, the complaint's ticket number or the referring body and its letter.</summary>
public sealed record PenaltySource(PenaltySourceKind Kind, string? Reference);
