using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>The expected failures of accountability records, with stable codes and Chinese titles.</summary>
public static class AccountabilityErrors
{
    public const string ValidationFailed = "accountability.validation_failed";

    public static DomainError RoleNotAllowed(SupervisionActor actor) => DomainError.Forbidden(
        "accountability.role_not_allowed", "只有监察人员可以记录责任追究", $"accountability is decided by a supervisor, not a {actor.KindCode}");

    public static DomainError NotFound(string id) => DomainError.NotFound(
        "accountability.not_found", "责任追究记录不存在", $"no accountability record {id}");

    public static DomainError AlreadyCorrected(string id, string by) => DomainError.Conflict(
        "accountability.already_corrected", "该记录已被更正，请更正最新的记录", $"{id} was corrected by {by}; correct {by} instead");

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "责任追究记录未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
}
