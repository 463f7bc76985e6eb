namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// A 特别程序告知书's facts (行政许可法 第四十五条): the procedure whose time is not counted in the decision
/// limit (e.g. 专家评审, from the domain's list of those procedures), the day it starts, and the time it
/// needs as the applicant must be told it (e.g. 预计二十个工作日), with its expected last day when known.
/// </summary>
public sealed record SuspensionFacts(string Procedure, DateOnly StartsOn, string ExpectedTime, DateOnly? ExpectedEnd = null);
