namespace PowerFunctions.Domain.Cases;

/// <summary>One attendee's vote at a collective decision.</summary>
public sealed record CollectiveVote(string Name, Vote Vote, string? Opinion);
