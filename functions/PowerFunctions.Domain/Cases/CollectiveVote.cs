namespace PowerFunctions.Domain.Cases;

/// <summary>One attendee's vote at a collective decision: <c>approve</c>, <c>deny</c> or <c>abstain</c>.</summary>
public sealed record CollectiveVote(string Name, string Vote, string? Opinion);
