using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>The expected failures of ticket commands, with stable codes and Chinese titles.</summary>
public static class ComplaintErrors
{
    public const string ValidationFailed = "complaint.validation_failed";

    public static DomainError InvalidTransition(ComplaintState state, ComplaintAction action) => DomainError.Conflict(
        "complaint.invalid_transition",
        "工单当前状态不允许此操作",
        $"'{ComplaintNames.Of(action)}' is not allowed in state '{ComplaintNames.Of(state)}'",
        new Dictionary<string, object?>
        {
            ["state"] = ComplaintNames.Of(state),
            ["action"] = ComplaintNames.Of(action),
            ["allowed"] = ComplaintStateMachine.AllowedCommandsIn(state),
        });

    public static DomainError RoleNotAllowed(ComplaintAction action, string role) => DomainError.Forbidden(
        "complaint.role_not_allowed",
        "当前角色不能办理此操作",
        $"'{ComplaintNames.Of(action)}' is for {string.Join(", ", ComplaintStateMachine.RolesFor(action))}, not {role}");

    public static DomainError NotOwner(string? owner, string? department) => DomainError.Forbidden(
        "complaint.not_owner",
        "首问负责：工单由首个承办部门负责，其他部门不能办理",
        $"the ticket is owned by {owner ?? "no department"}; {department ?? "no department"} may not act on it");

    public static DomainError Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "工单内容未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    public static DomainError Conflict(string code, string title, string detail) => DomainError.Conflict(code, title, detail);

    public static DomainError Forbidden(string code, string title, string detail) => DomainError.Forbidden(code, title, detail);
}
