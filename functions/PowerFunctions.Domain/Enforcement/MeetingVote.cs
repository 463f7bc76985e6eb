namespace PowerFunctions.Domain.Enforcement;

/// <summary>One attendee's vote on the decision a collective meeting adopts, with an optional opinion.</summary>
public sealed record MeetingVote(string Name, Vote Vote, string? Opinion);
