namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>A closed case that may be drawn: its number, department, item and the item's risk level (A, B or C).</summary>
public sealed record SpotCheckCandidate(string CaseNo, string Department, string ItemCode, string RiskLevel);
