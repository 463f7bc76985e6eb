using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>The expected failures of alert commands, with stable codes and Chinese titles.</summary>
public static class AlertErrors
{
    public const string ValidationFailed = "alert.validation_failed";

    public static DomainError InvalidId(string? id) => DomainError.Validation(
        "alert.invalid_id", "预警编号无效", $"'{id}' is not an alert id ({{subjectType}}.{{subjectId}}.{{kind}}[.{{occurrence}}].{{level}})");

    public static DomainError InvalidTransition(AlertState state, AlertAction action) => DomainError.Conflict(
        "alert.invalid_transition",
        "预警当前状态不允许此操作",
        $"'{AlertNames.Of(action)}' is not allowed in state '{AlertNames.Of(state)}'",
        new Dictionary<string, object?>
        {
            ["state"] = AlertNames.Of(state),
            ["action"] = AlertNames.Of(action),
            ["allowed"] = Alert.AllowedActionsIn(state),
        });

    public static DomainError RoleNotAllowed(AlertAction action, SupervisionActor actor) => DomainError.Forbidden(
        "alert.role_not_allowed",
        AlertNames.Of(action) == "acknowledge" ? "预警须由被预警部门的工作人员答复" : "只有监察人员可以办结或转整改",
        $"'{AlertNames.Of(action)}' is not for a {actor.KindCode}");

    public static DomainError NotDepartment(string department, string? actorDepartment) => DomainError.Forbidden(
        "alert.not_department",
        "只能答复本部门的预警",
        $"the alert is for {department}; {actorDepartment ?? "no department"} may not answer it");

    public static DomainError Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "预警内容未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
}
