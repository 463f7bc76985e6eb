using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>The expected failures of rectification commands, with stable codes and Chinese titles.</summary>
public static class RectificationErrors
{
    public const string ValidationFailed = "rectification.validation_failed";

    public static DomainError InvalidTransition(RectificationState state, string action) => DomainError.Conflict(
        "rectification.invalid_transition",
        "整改通知书当前状态不允许此操作",
        $"'{action}' is not allowed in state '{RectificationNames.Of(state)}'",
        new Dictionary<string, object?>
        {
            ["state"] = RectificationNames.Of(state),
            ["action"] = action,
            ["allowed"] = Rectification.AllowedActionsIn(state),
        });

    public static DomainError RoleNotAllowed(string action, SupervisionActor actor) => DomainError.Forbidden(
        "rectification.role_not_allowed",
        action == "report" ? "整改情况须由被通知部门报送" : "只有监察人员可以下达、验收或退回整改",
        $"'{action}' is not for a {actor.KindCode}");

    public static DomainError NotDepartment(string department, string? actorDepartment) => DomainError.Forbidden(
        "rectification.not_department",
        "只能报送本部门的整改情况",
        $"the notice is addressed to {department}; {actorDepartment ?? "no department"} may not report on it");

    public static DomainError NotOverdue(DateOnly due) => DomainError.Conflict(
        "rectification.not_overdue", "整改期限尚未届满", $"round due {SupervisionText.Iso(due)} has not passed or was reported");

    public static DomainError OverdueRecorded(int round) => DomainError.Conflict(
        "rectification.overdue_recorded", "本轮逾期已记录", $"round {round} was already recorded overdue");

    public static DomainError Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "整改内容未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
}
