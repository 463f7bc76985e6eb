using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>Delivery (送达), publication (公示) and payment (缴纳罚款).</summary>
public sealed partial class PenaltyCase
{
    /// <summary>
    /// Delivery of the decision with a receipt (送达回证): handed over, by post, or electronically only with
    /// the party's signed consent. Source: 行政处罚法 第六十一条.
    /// </summary>
    public Result<PenaltyEventDraft> Deliver(DeliveryMethod? method, string? recipient, bool electronicConsent, Officer? actor, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Deliver, actor, context.Today) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (method is null || !Enum.IsDefined(method.Value))
        {
            errors["method"] = ["送达方式须为 in-person、post 或 electronic"];
        }
        else if (method == DeliveryMethod.Electronic && !electronicConsent)
        {
            errors["electronicConsent"] = ["电子送达须当事人同意并签订确认书（行政处罚法第六十一条第二款）"];
        }

        if (string.IsNullOrWhiteSpace(recipient) || recipient.Length > 200)
        {
            errors["recipient"] = ["须写明受送达人"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        var delivered = new PenaltyEventData.Delivered(method!.Value, recipient!.Trim(), context.Today);
        return new PenaltyEventDraft(delivered, PenaltyTexts.DeliveryReceipt(this, delivered));
    }

    /// <summary>
    /// The penalty decision is made public (the public record is <see cref="PenaltyPublication"/>: personal
    /// data masked); a no-penalty decision is not published. Once only.
    /// Source: 国办发〔2018〕118号 (行政执法公示制度); 行政处罚法 第四十八条.
    /// </summary>
    public Result<PenaltyEventDraft> Publish(EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.Publish, null, context.Today) is { } error)
        {
            return error;
        }

        if (Decision!.Outcome != PenaltyOutcome.Penalty)
        {
            return EnforcementErrors.Conflict(EnforcementErrors.NotPublishable, "不予处罚决定不在执法决定公示之列", "only penalty decisions are published");
        }

        if (PublishedOn is { } on)
        {
            return EnforcementErrors.Conflict(EnforcementErrors.AlreadyPublished, "处罚决定已经公示", $"published on {on:yyyy-MM-dd}");
        }

        return new PenaltyEventDraft(new PenaltyEventData.Published(context.Today));
    }

    /// <summary>
    /// The fine paid into the designated bank, with its receipt: exactly the fine plus the late surcharge
    /// due on the day paid (3% a day after the 15 days, at most the fine). Source: 行政处罚法 第六十七条, 第七十二条第一款(一).
    /// </summary>
    public Result<PenaltyEventDraft> RecordPayment(decimal? amount, DateOnly? paidOn, string? receiptNo, EnforcementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(PenaltyAction.RecordPayment, null, context.Today) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (amount is null)
        {
            errors["amount"] = ["须写明缴纳数额"];
        }

        if (paidOn is null || paidOn > context.Today || paidOn < Delivery!.DeliveredOn)
        {
            errors["paidOn"] = ["缴纳日期须在送达之后、不晚于今天"];
        }

        if (string.IsNullOrWhiteSpace(receiptNo) || receiptNo.Length > 64)
        {
            errors["receiptNo"] = ["须写明缴款凭证号"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        var penalty = Decision!.Penalty!;
        var due = PenaltyDeadlines.PaymentDue(context.Calendar, Delivery!.DeliveredOn).Date;
        var surcharge = PenaltyRules.LateSurcharge(penalty, due, paidOn!.Value);
        if (amount != penalty.Amount + surcharge)
        {
            return EnforcementErrors.Refused(
                EnforcementErrors.PaymentMismatch,
                "缴纳数额与应缴数额不符",
                "amount",
                surcharge > 0
                    ? $"应缴 {penalty.Amount + surcharge} 元：罚没款 {penalty.Amount} 元，逾期加处罚款 {surcharge} 元（行政处罚法第七十二条）"
                    : $"应缴 {penalty.Amount} 元（行政处罚法第六十七条）");
        }

        return new PenaltyEventDraft(new PenaltyEventData.Paid(amount!.Value, surcharge, paidOn.Value, receiptNo!.Trim()));
    }
}
