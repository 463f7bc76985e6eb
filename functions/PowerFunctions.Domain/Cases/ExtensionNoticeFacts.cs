namespace PowerFunctions.Domain.Cases;

/// <summary>
/// What an extension notice tells the applicant besides the reasons: the decision due date before and
/// after the extension, by how many working days, and who approved it. Source: 行政许可法 第四十二条
/// </summary>
public sealed record ExtensionNoticeFacts(DateOnly PreviousDue, DateOnly ExtendedDue, int WorkingDays, string ApprovedBy);
