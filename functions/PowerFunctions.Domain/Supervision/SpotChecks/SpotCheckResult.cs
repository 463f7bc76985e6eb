namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>The recorded result of one drawn case: outcome, findings (for <see cref="SpotCheckOutcome.Findings"/>), who and when, and the rectification it led to.</summary>
public sealed record SpotCheckResult(string CaseNo, SpotCheckOutcome Outcome, string? Findings, string CheckedBy, string CheckedByName, DateTimeOffset CheckedAt, string? RectificationId = null);
