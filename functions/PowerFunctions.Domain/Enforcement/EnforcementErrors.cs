using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The expected failures of enforcement commands, each with its stable code and Chinese title, in one
/// place. Kinds map to HTTP as everywhere: validation 400/422 (422 when per-field errors are listed),
/// forbidden 403, conflict 409.
/// </summary>
public static class EnforcementErrors
{
    public const string ValidationFailed = "enforcement.validation_failed";
    public const string InvalidTransition = "enforcement.invalid_transition";
    public const string NoCertificate = "enforcement.no_certificate";
    public const string TooFewOfficers = "enforcement.too_few_officers";
    public const string NotAPenaltyItem = "enforcement.not_a_penalty_item";
    public const string LimitationExpired = "enforcement.limitation_expired";
    public const string OutsideLegalRange = "enforcement.outside_legal_range";
    public const string OutsideDiscretion = "enforcement.outside_discretion";
    public const string DepartureReasonRequired = "enforcement.departure_reason_required";
    public const string FirstOffenceNotAllowed = "enforcement.first_offence_not_allowed";
    public const string HeavierAfterStatement = "enforcement.heavier_after_statement";
    public const string HeavierThanNotice = "enforcement.heavier_than_notice";
    public const string NoticeRequired = "enforcement.notice_required";
    public const string ReplyPeriodRunning = "enforcement.reply_period_running";
    public const string HearingNotAvailable = "enforcement.hearing_not_available";
    public const string HearingRequestLate = "enforcement.hearing_request_late";
    public const string HearingNoticeTooShort = "enforcement.hearing_notice_too_short";
    public const string HearingNotYet = "enforcement.hearing_not_yet";
    public const string PresidingIsInvestigator = "enforcement.presiding_is_investigator";
    public const string ReviewerIsInvestigator = "enforcement.reviewer_is_investigator";
    public const string LegalReviewRequired = "enforcement.legal_review_required";
    public const string LegalReviewFailed = "enforcement.legal_review_failed";
    public const string CollectiveDecisionRequired = "enforcement.collective_decision_required";
    public const string DiffersFromCollectiveDecision = "enforcement.differs_from_collective_decision";
    public const string AlreadyPublished = "enforcement.already_published";
    public const string NotPublishable = "enforcement.not_publishable";
    public const string NothingToPay = "enforcement.nothing_to_pay";
    public const string PaymentMismatch = "enforcement.payment_mismatch";
    public const string InvalidOfficer = "enforcement.invalid_officer";

    public static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation(ValidationFailed, "执法操作内容未通过校验", Describe(errors), errors);

    public static DomainError Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A rule of the law refused the input (422): <paramref name="code"/>, a Chinese title, and the field at fault.</summary>
    public static DomainError Refused(string code, string title, string field, string message) =>
        DomainError.Validation(code, title, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Conflict(string code, string title, string detail) => DomainError.Conflict(code, title, detail);

    public static DomainError Forbidden(string code, string title, string detail) => DomainError.Forbidden(code, title, detail);

    public static DomainError Transition(PenaltyState state, PenaltyAction action) => DomainError.Conflict(
        InvalidTransition,
        "处罚案件当前状态不允许此操作",
        $"'{PenaltyNames.Of(action)}' is not allowed in state '{PenaltyNames.Of(state)}'",
        new Dictionary<string, object?>
        {
            ["state"] = PenaltyNames.Of(state),
            ["action"] = PenaltyNames.Of(action),
            ["allowed"] = PenaltyStateMachine.AllowedCommandsIn(state),
        });

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));
}
