namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// What an acceptance notice tells its reader beyond the acceptance itself (行政许可法 第三十二条, 第四十二条):
/// the date by which the decision is due, the query code to follow the case with, and whether the
/// application counts as accepted because no correction notice came within five working days.
/// </summary>
public sealed record AcceptanceFacts(DateOnly DecisionDue, string QueryCode, bool Deemed = false);
