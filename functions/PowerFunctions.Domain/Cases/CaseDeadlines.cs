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
    public static int MaxExtension(ItemTerms terms) => ExtensionRules.MaxWorkingDays(CaseRules.IsJoint(terms));

    /// <summary>
    /// Every clock the case has started, in the order they start: the correction notice; the decision
    /// (from acceptance, or from receipt for an immediate item); each joint department's opinion; publicity,
    /// delivery and result publication. The decision and the joint opinions are stopped while the case
    /// is suspended (行政许可法 第四十五条).
    /// </summary>
    public static IReadOnlyList<CaseDeadline> Compute(Case c, IWorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var list = new List<CaseDeadline>();
        var endedOn = c.WithdrawnOn ?? c.RefusedOn;

        var notice = CorrectionNotice(calendar, c.ReceiptOn);
        DateOnly? noticeResolved = c.CorrectionNoticeForReceipt == c.ReceiptNo ? c.CorrectionNoticeOn : c.AcceptanceRecordedOn ?? endedOn;
        list.Add(new CaseDeadline(DeadlineKind.CorrectionNotice, c.ReceiptOn, notice.Date, notice.Provisional, noticeResolved));

        var suspensions = c.Suspensions.Select(s => new Suspension(s.From, s.Until, s.Reason)).ToArray();
        var stopped = c.State == CaseState.Suspended;
        var extension = c.Extension is { } x ? new Extension(x.WorkingDays, x.ApprovedBy, x.Reason) : null;
        if (c.Terms.Immediate)
        {
            var day = CaseRules.ImmediateDecisionDay(calendar, c.ReceiptOn);
            var due = Required(c, DecisionDeadline.Compute(calendar, day, 0, suspensions, extension, today));
            list.Add(new CaseDeadline(DeadlineKind.Decision, c.ReceiptOn, due.Date, due.Provisional, c.Decision?.DecidedOn ?? endedOn, Stopped: stopped));
        }
        else if (c.AcceptedOn is { } acceptedOn)
        {
            var due = Required(c, DecisionDeadline.Compute(calendar, acceptedOn, DecisionLimitInWorkingDays(calendar, c.Terms, acceptedOn), suspensions, extension, today));
            list.Add(new CaseDeadline(DeadlineKind.Decision, acceptedOn, due.Date, due.Provisional, c.Decision?.DecidedOn ?? c.WithdrawnOn, Stopped: stopped));
        }

        if (c.AcceptedOn is { } jointFrom)
        {
            foreach (var department in c.Terms.JointHandling?.Departments ?? [])
            {
                var due = Required(c, DecisionDeadline.Compute(calendar, jointFrom, department.LimitDays, suspensions, null, today));
                var given = c.JointOpinions.FirstOrDefault(o => o.Department == department.Code)?.GivenOn;
                list.Add(new CaseDeadline(DeadlineKind.JointOpinion, jointFrom, due.Date, due.Provisional, given ?? c.WithdrawnOn, department.Code, stopped));
            }
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
    /// The decision due date as it stands at acceptance on <paramref name="acceptedOn"/> (before any
    /// suspension or extension): printed on the acceptance notice. Source: 行政许可法 第三十二条, 第四十二条
    /// </summary>
    public static DateOnly DecisionDueAtAcceptance(IWorkingCalendar calendar, ItemTerms terms, DateOnly receiptOn, DateOnly acceptedOn) =>
        terms.Immediate
            ? CaseRules.ImmediateDecisionDay(calendar, receiptOn)
            : calendar.AddWorkingDays(acceptedOn, DecisionLimitInWorkingDays(calendar, terms, acceptedOn)).Date;

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

    private static CalendarDate Required(Case c, Common.Result<CalendarDate> due) =>
        due.IsSuccess ? due.Value : throw new InvalidOperationException($"case {c.CaseNo}: {due.Error.Code} {due.Error.Detail}");
}
