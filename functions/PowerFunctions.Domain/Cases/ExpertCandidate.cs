namespace PowerFunctions.Domain.Cases;

/// <summary>One expert of a department's pool; <paramref name="External"/> when not on the department's staff.</summary>
public sealed record ExpertCandidate(string Id, string Name, bool External);
