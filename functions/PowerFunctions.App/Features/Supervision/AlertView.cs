namespace PowerFunctions.App.Features.Supervision;

/// <summary>One alert as <c>GET /api/supervision/alerts</c> answers it (API.md, Supervision), plus when it was raised and resolved.</summary>
public sealed record AlertView(
    string CaseNo,
    string Department,
    string ItemCode,
    string DeadlineKind,
    string Level,
    DateOnly Due,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt);
