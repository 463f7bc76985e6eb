using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// What a suspension notice tells the applicant: the excluded procedure, the day its time stops counting
/// and the time it is expected to need (its working days and its last day; both null when the reviewer
/// did not know it yet, and the notice says it will be told). Source: 行政许可法 第四十五条
/// </summary>
public sealed record SuspensionNoticeFacts(SuspensionReason Procedure, DateOnly StartsOn, DateOnly? ExpectedEnd, int? ExpectedWorkingDays);
