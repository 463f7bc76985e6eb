using System.Globalization;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The vocabularies of case commands read at the boundary: an API code becomes its enum, or a clear
/// 422 (<c>case.validation_failed</c>) naming the field and the codes allowed, before the case is
/// loaded. The commands themselves only ever see valid values.
/// </summary>
public static class CaseInput
{
    /// <summary><c>approve</c> or <c>deny</c> (decide: <c>outcome</c>; review and joint opinion: <c>recommendation</c>).</summary>
    public static Result<DecisionOutcome> Outcome(string? code, string field = "outcome") => Parse<DecisionOutcome>(code, field, field == "outcome" ? "决定" : "建议");

    /// <summary><c>electronic</c>, <c>post</c> or <c>in-person</c>.</summary>
    public static Result<DeliveryMethod> Method(string? code) => Parse<DeliveryMethod>(code, "method", "送达方式");

    /// <summary><c>approve</c>, <c>deny</c> or <c>abstain</c>, for the vote at <paramref name="index"/>.</summary>
    public static Result<Vote> Vote(string? code, int index) => Parse<Vote>(code, $"votes[{index.ToString(CultureInfo.InvariantCulture)}].vote", "表决");

    /// <summary><c>upheld</c> or <c>dismissed</c>.</summary>
    public static Result<ObjectionFinding> Finding(string? code) => Parse<ObjectionFinding>(code, "finding", "答复结论");

    /// <summary>One of the procedures of 行政许可法 第四十五条 (<see cref="SuspensionReason"/>).</summary>
    public static Result<SuspensionReason> Reason(string? code) =>
        ApiCode<SuspensionReason>.Parse(code) is { } reason
            ? reason
            : CaseErrors.Invalid("reason", $"中止事由须为：{string.Join("、", ApiCode<SuspensionReason>.Codes)}（行政许可法第四十五条）");

    /// <summary>An optional date <c>YYYY-MM-DD</c>; null when absent.</summary>
    public static Result<DateOnly?> Date(string? text, string field) =>
        text is null ? (DateOnly?)null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : CaseErrors.Invalid(field, "日期格式须为 YYYY-MM-DD");

    private static Result<T> Parse<T>(string? code, string field, string what)
        where T : struct, Enum =>
        ApiCode<T>.Parse(code) is { } value ? value : CaseErrors.Invalid(field, $"{what}须为 {string.Join("、", ApiCode<T>.Codes)}");
}
