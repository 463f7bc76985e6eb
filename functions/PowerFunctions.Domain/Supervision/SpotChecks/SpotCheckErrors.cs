using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>The expected failures of spot checks, with stable codes and Chinese titles.</summary>
public static class SpotCheckErrors
{
    public const string ValidationFailed = "spot_check.validation_failed";

    public static DomainError Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "抽查条件未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    public static DomainError RoleNotAllowed(SupervisionActor actor) => DomainError.Forbidden(
        "spot_check.role_not_allowed", "只有监察人员可以抽查", $"spot checks are for a supervisor, not a {actor.KindCode}");

    public static DomainError NotInSample(string caseNo) => DomainError.NotFound(
        "spot_check.not_in_sample", "该办件不在本次抽查样本中", $"case {caseNo} was not drawn");

    public static DomainError ResultRecorded(string caseNo) => DomainError.Conflict(
        "spot_check.result_recorded", "该办件的抽查结果已记录", $"case {caseNo} already has a result");

    public static DomainError NotReproduced(string detail) => DomainError.Conflict(
        "spot_check.not_reproduced", "按记录的种子重新抽取，结果不一致", detail);
}
