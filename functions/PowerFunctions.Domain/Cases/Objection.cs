namespace PowerFunctions.Domain.Cases;

/// <summary>An objection filed during publicity, shown to the decider.</summary>
public sealed record Objection(string Name, string Contact, string Content, DateTimeOffset At);
