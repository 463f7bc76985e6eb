namespace PowerFunctions.Domain.Enforcement;

/// <summary>Every command on an open penalty case (API names in <see cref="PenaltyNames"/>).</summary>
public enum PenaltyAction
{
    Investigate,
    Notify,
    Statement,
    RequestHearing,
    ScheduleHearing,
    HoldHearing,
    LegalReview,
    CollectiveDecision,
    Decide,
    Deliver,
    Publish,
    RecordPayment,
}
