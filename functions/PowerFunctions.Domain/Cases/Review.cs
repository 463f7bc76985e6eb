namespace PowerFunctions.Domain.Cases;

/// <summary>A recorded review: A or B role, who, opinion and recommendation.</summary>
public sealed record Review(string Role, string Reviewer, string ReviewerName, string Opinion, DecisionOutcome Recommendation, DateTimeOffset At);
