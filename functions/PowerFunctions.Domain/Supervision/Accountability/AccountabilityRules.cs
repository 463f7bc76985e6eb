using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>
/// 责任追究 records: a supervisor records the measure decided against a department (and, optionally, one person in
/// it), the reason and the basis, linked to the rectification or alert it follows from. Records are never changed or
/// deleted: a correction is a new record pointing at the record it corrects, and only the latest record of a chain
/// may be corrected (so a chain never forks). A record states its basis; omitted, it is the link (the notice missed,
/// or the alert). Source: seed 002, seed 004 (整改 → 责任追究).
/// </summary>
public static class AccountabilityRules
{
    public const string Source = "seed 002, seed 004 (责任追究)";

    private const int MaxNameLength = 50;
    private const int MaxPostLength = 100;

    /// <summary>Records a decision as record <paramref name="id"/>. Source: seed 002, seed 004.</summary>
    public static Result<AccountabilityRecord> Decide(string id, AccountabilityRequest request, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return AccountabilityErrors.RoleNotAllowed(actor);
        }

        return Validate(id, request, null, null, actor, now);
    }

    /// <summary>
    /// Records <paramref name="id"/> correcting <paramref name="corrected"/>, with the reason for the correction; fields
    /// left out of <paramref name="request"/> are those of the corrected record. <paramref name="existing"/> are the
    /// records stored; a record that was corrected already is refused (<c>accountability.already_corrected</c>).
    /// The measure <c>withdrawn</c> withdraws it. Source: seed 002, seed 004.
    /// </summary>
    public static Result<AccountabilityRecord> Correct(
        string id,
        AccountabilityRecord corrected,
        AccountabilityRequest request,
        string? correctionReason,
        IEnumerable<AccountabilityRecord> existing,
        SupervisionActor actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return AccountabilityErrors.RoleNotAllowed(actor);
        }

        if (existing.FirstOrDefault(r => r.Corrects == corrected.Id) is { } later)
        {
            return AccountabilityErrors.AlreadyCorrected(corrected.Id, later.Id);
        }

        var merged = new AccountabilityRequest
        {
            Department = request.Department ?? corrected.Department,
            Subject = request.Subject ?? corrected.Subject,
            Measure = request.Measure ?? AccountabilityNames.Of(corrected.Measure),
            Reason = request.Reason ?? corrected.Reason,
            Basis = request.Basis ?? corrected.Basis,
            RectificationId = request.RectificationId ?? corrected.RectificationId,
            AlertId = request.AlertId ?? corrected.AlertId,
        };
        return Validate(id, merged, corrected, correctionReason ?? string.Empty, actor, now);
    }

    /// <summary>The basis a record states when none is given: the rectification missed, or the alert.</summary>
    public static string? DefaultBasis(string? rectificationId, string? alertId) =>
        rectificationId is not null ? $"整改通知书 {rectificationId} 逾期未整改或整改不到位"
        : alertId is not null ? $"电子监察预警 {alertId}"
        : null;

    private static Result<AccountabilityRecord> Validate(string id, AccountabilityRequest request, AccountabilityRecord? corrected, string? correctionReason, SupervisionActor actor, DateTimeOffset now)
    {
        if (!SupervisionText.IsCode(id))
        {
            throw new ArgumentException($"'{id}' is not a record id", nameof(id));
        }

        var errors = new Dictionary<string, string[]>();
        if (!SupervisionText.IsCode(request.Department))
        {
            errors["department"] = ["须指定被追究责任的部门编码"];
        }

        AccountabilityPerson? subject = null;
        if (request.Subject is { } person)
        {
            var name = SupervisionText.Required(person.Name, "subject.name", "须写明被追究人员姓名", errors, MaxNameLength);
            var post = SupervisionText.Optional(person.Post, "subject.post", errors, MaxPostLength);
            subject = name is null ? null : new AccountabilityPerson(name, post);
        }

        var measure = AccountabilityNames.ParseMeasure(request.Measure);
        if (measure is null || (measure == AccountabilityMeasure.Withdrawn && corrected is null))
        {
            errors["measure"] = [corrected is null
                ? "追究方式须为 criticism、admonishment、written-examination、organisational-adjustment 或 referral"
                : "追究方式须为 criticism、admonishment、written-examination、organisational-adjustment、referral 或 withdrawn（撤销）"];
        }

        var reason = SupervisionText.Required(request.Reason, "reason", "须写明追究理由（事实）", errors);
        SupervisionText.OptionalCode(request.RectificationId, "rectificationId", "整改通知书编号格式无效", errors);
        if (request.AlertId is not null && !AlertKey.Parse(request.AlertId).IsSuccess)
        {
            errors["alertId"] = ["预警编号格式无效"];
        }

        var basis = SupervisionText.Optional(request.Basis, "basis", errors) ?? DefaultBasis(request.RectificationId, request.AlertId);
        if (basis is null && !errors.ContainsKey("basis"))
        {
            errors["basis"] = ["须写明追究依据，或关联整改通知书、预警"];
        }

        string? correction = null;
        if (corrected is not null)
        {
            correction = SupervisionText.Required(correctionReason, "correctionReason", "须说明更正理由", errors);
        }

        if (errors.Count > 0)
        {
            return AccountabilityErrors.Invalid(errors);
        }

        return new AccountabilityRecord
        {
            Id = id,
            Department = request.Department!,
            Subject = subject,
            Measure = measure!.Value,
            Reason = reason!,
            Basis = basis!,
            RectificationId = request.RectificationId,
            AlertId = request.AlertId,
            DecidedBy = actor.Subject,
            DecidedByName = actor.Name,
            DecidedAt = now,
            DecidedOn = ChinaTime.DateOf(now),
            Corrects = corrected?.Id,
            CorrectionReason = correction,
        };
    }
}
