namespace PowerFunctions.App.Features.Results;

/// <summary>One published result of <c>GET /api/results</c>: the applicant masked, no id number or phone.</summary>
public sealed record PublishedResult(string CaseNo, string ItemCode, string ItemName, string Department, string Applicant, string Decision, string DecidedOn, string PublishedOn);
