using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// Every clock of a penalty case, computed from its facts and the working calendar in force — a pure
/// function, so a changed holiday schedule re-dates them by recomputing (<see cref="Moves"/>). Each
/// period is counted by <see cref="PenaltyPeriods.End"/> (行政处罚法 第八十五条).
/// </summary>
public static class PenaltyDeadlines
{
    /// <summary>
    /// 90 days from opening (calendar days, 第八十五条), the hearing time added back where the item
    /// excludes it — each hearing from its request to the day it was held, or to today while it is pending
    /// (then the date is provisional: it moves each day). Source: 行政处罚法 第六十条, 第八十五条.
    /// </summary>
    public static CalendarDate Decision(IWorkingCalendar calendar, DateOnly openedOn, int excludedCalendarDays) =>
        PenaltyPeriods.End(calendar, openedOn.AddDays(excludedCalendarDays), PenaltyPeriods.DecisionDays);

    /// <summary>7 working days from the decision to deliver it. Source: 行政处罚法 第六十一条, 第八十五条.</summary>
    public static CalendarDate DeliveryDue(IWorkingCalendar calendar, DateOnly decidedOn) =>
        PenaltyPeriods.End(calendar, decidedOn, PenaltyPeriods.DeliveryDays);

    /// <summary>7 working days from the decision to publish it. Source: 国办发〔2018〕118号.</summary>
    public static CalendarDate PublicationDue(IWorkingCalendar calendar, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(decidedOn, PenaltyPeriods.PublicationWorkingDays);
    }

    /// <summary>15 days (calendar, 第八十五条) from receiving the decision to pay. Source: 行政处罚法 第六十七条第三款.</summary>
    public static CalendarDate PaymentDue(IWorkingCalendar calendar, DateOnly deliveredOn) =>
        PenaltyPeriods.End(calendar, deliveredOn, PenaltyPeriods.PaymentDays);

    /// <summary>Every clock the case has started, in the order they start.</summary>
    public static IReadOnlyList<PenaltyDeadline> Compute(PenaltyCase c, IWorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(calendar);
        var list = new List<PenaltyDeadline>();

        var excluded = 0;
        var pendingHearing = false;
        if (c.Terms.HearingTimeExcluded)
        {
            foreach (var hearing in c.HearingPeriods)
            {
                var until = hearing.HeldOn ?? today.AddDays(1); // [request, held): while pending, today is stopped too
                excluded += Math.Max(0, until.DayNumber - hearing.RequestedOn.DayNumber);
                pendingHearing |= hearing.HeldOn is null;
            }
        }

        var decision = Decision(calendar, c.OpenedOn, excluded);
        list.Add(new PenaltyDeadline(PenaltyDeadlineKind.Decision, c.OpenedOn, decision.Date, decision.Provisional || pendingHearing, c.Decision?.DecidedOn));

        if (c.LastNotice is { HearingAvailable: true } n)
        {
            var hearingRequest = PenaltyPeriods.End(calendar, n.NotifiedOn, PenaltyPeriods.HearingRequestDays);
            list.Add(new PenaltyDeadline(PenaltyDeadlineKind.HearingRequest, n.NotifiedOn, n.ReplyUntil, hearingRequest.Provisional, HearingWindowClosedOn(c, n, today)));
        }

        if (c.Decision is { } d)
        {
            var delivery = DeliveryDue(calendar, d.DecidedOn);
            list.Add(new PenaltyDeadline(PenaltyDeadlineKind.Delivery, d.DecidedOn, delivery.Date, delivery.Provisional, c.Delivery?.DeliveredOn));
            if (d.Outcome == PenaltyOutcome.Penalty)
            {
                var publication = PublicationDue(calendar, d.DecidedOn);
                list.Add(new PenaltyDeadline(PenaltyDeadlineKind.Publication, d.DecidedOn, publication.Date, publication.Provisional, c.PublishedOn));
            }
        }

        if (c.HasAmountToPay && c.Delivery is { } delivered)
        {
            var payment = PaymentDue(calendar, delivered.DeliveredOn);
            list.Add(new PenaltyDeadline(PenaltyDeadlineKind.Payment, delivered.DeliveredOn, payment.Date, payment.Provisional, c.Payment?.PaidOn));
        }

        return list;
    }

    /// <summary>
    /// The open deadlines whose due date differs between <paramref name="before"/> and <paramref name="after"/>
    /// (a holiday schedule loaded or changed): what the app records and reschedules. Pure.
    /// </summary>
    public static IReadOnlyList<PenaltyDeadlineMove> Moves(PenaltyCase c, IWorkingCalendar before, IWorkingCalendar after, DateOnly today)
    {
        var old = Compute(c, before, today).Where(d => d.IsOpen).ToDictionary(d => d.Kind);
        return Compute(c, after, today)
            .Where(d => d.IsOpen && old.TryGetValue(d.Kind, out var o) && o.Due != d.Due)
            .Select(d => new PenaltyDeadlineMove(d.Kind, old[d.Kind].Due, d.Due))
            .ToArray();
    }

    /// <summary>The party's hearing window closes when it asks for the hearing or waives it, or at its end.</summary>
    private static DateOnly? HearingWindowClosedOn(PenaltyCase c, PenaltyEventData.Notified notice, DateOnly today)
    {
        if (c.HearingRequestedOn is { } requested && requested >= notice.NotifiedOn)
        {
            return requested;
        }

        if (c.Statements.Where(s => s.On >= notice.NotifiedOn && s.WaivesHearing).Select(s => (DateOnly?)s.On).FirstOrDefault() is { } waived)
        {
            return waived;
        }

        return today > notice.ReplyUntil ? notice.ReplyUntil : null;
    }
}
