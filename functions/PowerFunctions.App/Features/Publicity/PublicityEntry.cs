namespace PowerFunctions.App.Features.Publicity;

/// <summary>One line of <c>GET /api/publicity</c>: <c>{caseNo, itemName, applicant (masked), decision, publicFrom, publicUntil}</c>.</summary>
public sealed record PublicityEntry(string CaseNo, string ItemName, string Applicant, string Decision, string PublicFrom, string PublicUntil);
