namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// The one extension of a decision limit (延长): <see cref="WorkingDays"/> more, approved by the head of
/// the department (<see cref="ApprovedBy"/>) for a <see cref="Reason"/> told to the applicant.
/// Build it with <see cref="ExtensionRules.Validate(int, string?, string?, bool, Extension?)"/>. Source: 行政许可法 第四十二条.
/// </summary>
public sealed record Extension(int WorkingDays, string ApprovedBy, string Reason);
