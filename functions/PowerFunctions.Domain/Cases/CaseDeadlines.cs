using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// Every clock of a case, computed from its facts and the working calendar in force. Recomputing with
/// a newly loaded schedule is how deadlines follow a changed holiday calendar.
/// </summary>
public static class CaseDeadlines
{
    private static readonly Dictionary<string, SuspensionReason> Reasons = new(StringComparer.Ordinal)
    {
        ["expert-review"] = SuspensionReason.ExpertReview,
        ["testing"] = SuspensionReason.Testing,
        ["inspection"] = SuspensionReason.Inspection,
        ["quarantine"] = SuspensionReason.Quarantine,
        ["appraisal"] = SuspensionReason.Appraisal,
        ["hearing"] = SuspensionReason.Hearing,
        ["bidding"] = SuspensionReason.Bidding,
        ["auction"] = SuspensionReason.Auction,
    };

    /// <summary>5 wd from the receipt. Source: 行政许可法 第三十二条</summary>
    public static CalendarDate CorrectionNotice(IWorkingCalendar calendar, DateOnly receiptOn) =>
        calendar.AddWorkingDays(receiptOn, CaseRules.CorrectionNoticeWorkingDays);

    /// <summary>7 cd from the start of publicity, the last day rolled to a working day. Source: seed 000 §5(二)7; 民法典 第二百零三条</summary>
    public static CalendarDate PublicityEnd(IWorkingCalendar calendar, DateOnly publicFrom) =>
        calendar.AddCalendarDays(publicFrom, CaseRules.PublicityCalendarDays);

    /// <summary>10 wd from the end of publicity or a decision not posted. Source: 行政许可法 第四十四条; seed 000 §5(二)8</summary>
    public static CalendarDate Delivery(IWorkingCalendar calendar, DateOnly from) =>
        calendar.AddWorkingDays(from, CaseRules.DeliveryWorkingDays);

    /// <summary>10 wd from delivery. Source: seed 002 (监督检查办法 第十三条)</summary>
    public static CalendarDate ResultPublication(IWorkingCalendar calendar, DateOnly deliveredOn) =>
        calendar.AddWorkingDays(deliveredOn, CaseRules.ResultPublicationWorkingDays);

    /// <summary>The longest extension of the item's limit. Source: 行政许可法 第四十二条</summary>
    public static int MaxExtension(ItemTerms terms) => ExtensionRules.MaxWorkingDays(terms.JointHandling);

    /// <summary>The suspension reason of the deadline arithmetic for an API code. Source: 行政许可法 第四十五条</summary>
    public static SuspensionReason ReasonOf(string code) => Reasons[code];

    /// <summary>Every clock the case has started, in the order they start.</summary>
    public static IReadOnlyList<CaseDeadline> Compute(Case c, IWorkingCalendar calendar, DateOnly today)
    {
        var list = new List<CaseDeadline>();
        var endedOn = c.WithdrawnOn ?? c.RefusedOn;

        var notice = CorrectionNotice(calendar, c.ReceiptOn);
        DateOnly? noticeResolved = c.CorrectionNoticeForReceipt == c.ReceiptNo ? c.CorrectionNoticeOn : c.AcceptanceRecordedOn ?? endedOn;
        list.Add(new CaseDeadline(DeadlineKind.CorrectionNotice, c.ReceiptOn, notice.Date, notice.Provisional, noticeResolved));

        if (c.AcceptedOn is { } acceptedOn)
        {
            var suspensions = c.Suspensions.Select(s => new Suspension(s.From, s.Until, ReasonOf(s.Reason))).ToArray();
            var extension = c.Extension is { } x ? new Extension(x.WorkingDays, x.ApprovedBy, x.Reason) : null;
            var due = DecisionDeadline.Compute(calendar, acceptedOn, DecisionLimitInWorkingDays(calendar, c.Terms, acceptedOn), suspensions, extension, today);
            if (!due.IsSuccess)
            {
                throw new InvalidOperationException($"case {c.CaseNo}: {due.Error.Code} {due.Error.Detail}");
            }

            list.Add(new CaseDeadline(DeadlineKind.Decision, acceptedOn, due.Value.Date, due.Value.Provisional, c.Decision?.DecidedOn ?? c.WithdrawnOn));
        }

        if (c.Decision is { } decision)
        {
            var deliveryFrom = decision.DecidedOn;
            if (decision.PublicFrom is { } from)
            {
                var end = PublicityEnd(calendar, from);
                list.Add(new CaseDeadline(DeadlineKind.PublicityEnd, from, end.Date, end.Provisional, c.PublicityEndedOn));
                deliveryFrom = end.Date;
            }

            var delivery = Delivery(calendar, deliveryFrom);
            list.Add(new CaseDeadline(DeadlineKind.Delivery, deliveryFrom, delivery.Date, delivery.Provisional, c.DeliveredOn));
        }

        if (c.DeliveredOn is { } deliveredOn)
        {
            var publication = ResultPublication(calendar, deliveredOn);
            list.Add(new CaseDeadline(DeadlineKind.ResultPublication, deliveredOn, publication.Date, publication.Provisional, c.ResultPublishedOn));
        }

        return list;
    }

    /// <summary>
    /// The promised limit in working days. Most items promise working days (行政许可法 第八十二条); an
    /// item whose catalog limit is in calendar days (e.g. 60 cd for a penalty) ends on that calendar day,
    /// rolled to a working day (民法典 第二百零三条), and is expressed here as the working days up to it so
    /// suspensions and the extension move it as they move any other limit.
    /// </summary>
    public static int DecisionLimitInWorkingDays(IWorkingCalendar calendar, ItemTerms terms, DateOnly acceptedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.LimitUnit != LimitUnit.Calendar)
        {
            return terms.PromisedWorkingDays;
        }

        var end = calendar.AddCalendarDays(acceptedOn, terms.PromisedWorkingDays).Date;
        return calendar.WorkingDaysBetween(acceptedOn, end);
    }
}
