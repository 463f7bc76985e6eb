using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Guidance;

/// <summary>The expected failures of the guidance register, with stable codes.</summary>
public static class GuidanceErrors
{
    public const string ValidationFailed = "guidance.validation_failed";

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "行政指导登记内容未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
}
