namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// A 延长行政许可期限告知书's facts (行政许可法 第四十二条第一款): the decision due date before and after the
/// extension and who approved it (the head of the body, 本行政机关负责人), when named. The reasons are the
/// request's paragraphs.
/// </summary>
public sealed record ExtensionFacts(DateOnly PreviousDue, DateOnly ExtendedDue, string? ApprovedBy = null);
