namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>The person held to account, when it is one person rather than the department: name and post.</summary>
public sealed record AccountabilityPerson(string Name, string? Post);
