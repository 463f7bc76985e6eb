using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>The expected failures of case commands, with stable codes and Chinese titles.</summary>
public static class CaseErrors
{
    public static DomainError InvalidTransition(CaseState state, CaseAction action) => DomainError.Conflict(
        "case.invalid_transition",
        "办件当前状态不允许此操作",
        $"'{CaseNames.Of(action)}' is not allowed in state '{CaseNames.Of(state)}'",
        new Dictionary<string, object?>
        {
            ["state"] = CaseNames.Of(state),
            ["action"] = CaseNames.Of(action),
            ["allowed"] = CaseStateMachine.AllowedCommandsIn(state),
        });

    public static DomainError Invalid(string field, string message) =>
        DomainError.Validation("case.validation_failed", "办件操作内容未通过校验", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A refusal with its own code (422 with <paramref name="field"/> named), for a rule more specific than a malformed field.</summary>
    public static DomainError Invalid(string field, string message, string code, string title) =>
        DomainError.Validation(code, title, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation("case.validation_failed", "办件操作内容未通过校验", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    /// <summary>
    /// A draw request naming its own pool: experts come only from the managed register, kept apart from
    /// those who draw (管用分离). Source: seed 000 配套2; seed 000 §5(三)2
    /// </summary>
    public static DomainError PoolFromRequest() => Invalid(
        "pool",
        "专家从专家库中随机抽取，抽取请求不得指定专家名单（专家库管用分离）",
        "case.expert_pool_not_accepted",
        "不接受请求指定的专家名单");

    public static DomainError NotApplicant() =>
        DomainError.Forbidden("case.not_applicant", "只有申请人本人可以办理此操作", "only the citizen who submitted the application may do this");

    public static DomainError Conflict(string code, string title, string detail) => DomainError.Conflict(code, title, detail);

    public static DomainError Forbidden(string code, string title, string detail) => DomainError.Forbidden(code, title, detail);
}
