namespace PowerFunctions.Domain.Enforcement;

/// <summary>One department's discretion figures for supervision: penalties decided, how many at a tier's edge, how many outside a tier (each with a recorded reason), and the flagged cases.</summary>
public sealed record DiscretionSupervisionRow(string Department, int Decided, int AtEdge, int OutsideTier, IReadOnlyList<DecidedPenalty> Flagged);
