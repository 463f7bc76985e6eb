namespace PowerFunctions.App.Features.Supervision;

/// <summary>A case that reached a final state, as <see cref="ClosedCaseIndex"/> lists it.</summary>
public sealed record ClosedCase(string CaseNo, string Department, string ItemCode, DateOnly ClosedOn);
