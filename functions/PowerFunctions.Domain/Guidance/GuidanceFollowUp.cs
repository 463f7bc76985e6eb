namespace PowerFunctions.Domain.Guidance;

/// <summary>One follow-up (回访复查): when, by whom, what the target answered, and the note.</summary>
public sealed record GuidanceFollowUp(DateOnly On, string By, TargetResponse Response, string? Note);
