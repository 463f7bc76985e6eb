using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// Where a case's stages begin and end, measured by <see cref="StageRules"/> against the item's stage
/// limits: acceptance (receipt → accepted or refused), review (acceptance → the last review),
/// decision (the last review, or acceptance when none → the decision), delivery (the end of publicity,
/// or the decision when not posted → delivery). Publicity has a fixed length (7 cd) and is not a
/// stage anyone can overrun. Stages not reached yet are not listed.
/// </summary>
public static class CaseStages
{
    public static IReadOnlyList<StageCheck> Check(Case c, IWorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var limits = c.Terms.StageLimits;
        var checks = new List<StageCheck>();
        var acceptanceEnd = c.AcceptanceRecordedOn ?? c.RefusedOn;
        checks.Add(StageRules.Check(calendar, "acceptance", c.ReceiptOn, acceptanceEnd, limits.Acceptance, today));
        if (c.AcceptedOn is not { } acceptedOn || c.RefusedOn is not null)
        {
            return checks;
        }

        var reviewStart = c.AcceptanceRecordedOn ?? acceptedOn;
        DateOnly? lastReview = c.Reviews.Count == 0 ? null : ChinaTime.DateOf(c.Reviews.Max(r => r.At));
        var decidedOn = c.Decision?.DecidedOn;
        var reviewsDone = lastReview is not null && (decidedOn is not null || c.Reviews.Select(r => r.Role).Distinct().Count() >= (c.Terms.Substantive ? 2 : 1));
        checks.Add(StageRules.Check(calendar, "review", reviewStart, reviewsDone ? lastReview : null, limits.Review, today));
        if (!reviewsDone && decidedOn is null)
        {
            return checks;
        }

        checks.Add(StageRules.Check(calendar, "decision", lastReview ?? reviewStart, decidedOn, limits.Decision, today));
        if (decidedOn is not { } decided || c.State == CaseState.InPublicity || c.State == CaseState.Withdrawn)
        {
            return checks;
        }

        var deliveryStart = c.PublicityEndedOn ?? decided;
        checks.Add(StageRules.Check(calendar, "delivery", deliveryStart, c.DeliveredOn, limits.Delivery, today));
        return checks;
    }
}
