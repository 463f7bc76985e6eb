using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Accountability;

namespace PowerFunctions.App.Features.Supervision.Accountability;

/// <summary>
/// One 责任追究 record: <c>{id, department, subject?, measure, measureName, reason, basis, rectificationId?, alertId?,
/// decidedBy, decidedByName, decidedAt, corrects?, correctionReason?, correctedBy?}</c>; <c>correctedBy</c> names the
/// later record that corrects it (then this one is no longer in force).
/// </summary>
public sealed record AccountabilityView(
    string Id,
    string Department,
    AccountabilityPerson? Subject,
    string Measure,
    string MeasureName,
    string Reason,
    string Basis,
    string? RectificationId,
    string? AlertId,
    string DecidedBy,
    string DecidedByName,
    DateTimeOffset DecidedAt,
    string? Corrects,
    string? CorrectionReason,
    string? CorrectedBy)
{
    public static AccountabilityView Of(AccountabilityRecord r, string? correctedBy = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Department, r.Subject, AccountabilityNames.Of(r.Measure), AccountabilityNames.ChineseName(r.Measure), r.Reason, r.Basis,
            r.RectificationId, r.AlertId, r.DecidedBy, r.DecidedByName, ChinaTime.InChina(r.DecidedAt), r.Corrects, r.CorrectionReason, correctedBy);
    }
}
