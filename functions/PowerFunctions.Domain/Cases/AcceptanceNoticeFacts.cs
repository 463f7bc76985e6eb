namespace PowerFunctions.Domain.Cases;

/// <summary>
/// What an acceptance notice tells the applicant beyond the acceptance: the decision due date, the query
/// code to follow the case with, and whether the acceptance is deemed because no correction notice came
/// within 5 wd. Source: 行政许可法 第三十二条, 第四十二条
/// </summary>
public sealed record AcceptanceNoticeFacts(DateOnly DecisionDue, string QueryCode, bool Deemed);
