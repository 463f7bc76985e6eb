namespace PowerFunctions.Domain.Enforcement;

/// <summary>The API spelling (kebab case) of penalty states, actions and document types, in one place.</summary>
public static class PenaltyNames
{
    private static readonly Dictionary<PenaltyAction, string> Actions = new()
    {
        [PenaltyAction.Investigate] = "investigate",
        [PenaltyAction.Notify] = "notify",
        [PenaltyAction.Statement] = "statement",
        [PenaltyAction.RequestHearing] = "request-hearing",
        [PenaltyAction.ScheduleHearing] = "schedule-hearing",
        [PenaltyAction.HoldHearing] = "hold-hearing",
        [PenaltyAction.LegalReview] = "legal-review",
        [PenaltyAction.CollectiveDecision] = "collective-decision",
        [PenaltyAction.Decide] = "decide",
        [PenaltyAction.Deliver] = "deliver",
        [PenaltyAction.Publish] = "publish",
        [PenaltyAction.RecordPayment] = "record-payment",
    };

    private static readonly Dictionary<PenaltyState, string> States = new()
    {
        [PenaltyState.Opened] = "opened",
        [PenaltyState.Investigating] = "investigating",
        [PenaltyState.Notified] = "notified",
        [PenaltyState.HearingRequested] = "hearing-requested",
        [PenaltyState.HearingScheduled] = "hearing-scheduled",
        [PenaltyState.HearingHeld] = "hearing-held",
        [PenaltyState.Decided] = "decided",
        [PenaltyState.Delivered] = "delivered",
        [PenaltyState.Closed] = "closed",
    };

    private static readonly Dictionary<PenaltyDocumentKind, string> Documents = new()
    {
        [PenaltyDocumentKind.PenaltyNotice] = "penalty-notice",
        [PenaltyDocumentKind.HearingNotice] = "hearing-notice",
        [PenaltyDocumentKind.HearingRecord] = "hearing-record",
        [PenaltyDocumentKind.CollectiveDecisionRecord] = "collective-decision-record",
        [PenaltyDocumentKind.PenaltyDecision] = "penalty-decision",
        [PenaltyDocumentKind.NoPenaltyDecision] = "no-penalty-decision",
        [PenaltyDocumentKind.DeliveryReceipt] = "delivery-receipt",
    };

    public static string Of(PenaltyAction action) => Actions[action];

    /// <summary>The API document type of a penalty document kind.</summary>
    public static string Of(PenaltyDocumentKind kind) => Documents[kind];

    public static string Of(PenaltyState state) => States[state];

    /// <summary>The action an API name means, or null.</summary>
    public static PenaltyAction? ParseAction(string? name) =>
        Actions.Where(a => string.Equals(a.Value, name, StringComparison.Ordinal)).Select(a => (PenaltyAction?)a.Key).FirstOrDefault();

    /// <summary>The state an API name means, or null.</summary>
    public static PenaltyState? ParseState(string? name) =>
        States.Where(s => string.Equals(s.Value, name, StringComparison.Ordinal)).Select(s => (PenaltyState?)s.Key).FirstOrDefault();
}
