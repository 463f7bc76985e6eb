namespace PowerFunctions.Domain.Cases;

/// <summary>The opinion of one department on a jointly handled case: what it found, what it recommends, who gave it and when.</summary>
public sealed record JointOpinion(string Department, string Opinion, DecisionOutcome Recommendation, string GivenBy, DateOnly GivenOn);
