namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The one table of which action each state of a penalty case allows, and which actions only a
/// certified officer may take. Commands check here first (409 <c>enforcement.invalid_transition</c>
/// with the allowed actions); guards that depend on more than the state live with the command.
/// </summary>
public static class PenaltyStateMachine
{
    private static readonly Dictionary<PenaltyState, PenaltyAction[]> Allowed = new()
    {
        [PenaltyState.Opened] = [PenaltyAction.Investigate],
        [PenaltyState.Investigating] = [PenaltyAction.Investigate, PenaltyAction.Notify, PenaltyAction.LegalReview, PenaltyAction.CollectiveDecision, PenaltyAction.Decide],
        [PenaltyState.Notified] = [PenaltyAction.Investigate, PenaltyAction.Notify, PenaltyAction.Statement, PenaltyAction.RequestHearing, PenaltyAction.LegalReview, PenaltyAction.CollectiveDecision, PenaltyAction.Decide],
        [PenaltyState.HearingRequested] = [PenaltyAction.Statement, PenaltyAction.ScheduleHearing],
        [PenaltyState.HearingScheduled] = [PenaltyAction.Statement, PenaltyAction.ScheduleHearing, PenaltyAction.HoldHearing],
        [PenaltyState.HearingHeld] = [PenaltyAction.Notify, PenaltyAction.LegalReview, PenaltyAction.CollectiveDecision, PenaltyAction.Decide],
        [PenaltyState.Decided] = [PenaltyAction.Deliver, PenaltyAction.Publish],
        [PenaltyState.Delivered] = [PenaltyAction.Publish, PenaltyAction.RecordPayment],
        [PenaltyState.Closed] = [PenaltyAction.Publish],
    };

    /// <summary>
    /// The actions of enforcement officers (调查, 告知, 笔录, 听证, 送达): each needs a valid certificate of the
    /// case's department on the day (<see cref="OfficerRules"/>). Legal review, the collective decision and
    /// the decision are taken by the legal reviewer and the department's heads; publication and payment are records.
    /// Source: 行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号.
    /// </summary>
    private static readonly HashSet<PenaltyAction> Certified =
    [
        PenaltyAction.Investigate, PenaltyAction.Notify, PenaltyAction.Statement, PenaltyAction.RequestHearing,
        PenaltyAction.ScheduleHearing, PenaltyAction.HoldHearing, PenaltyAction.Deliver,
    ];

    public static IReadOnlyList<PenaltyAction> AllowedIn(PenaltyState state) => Allowed[state];

    /// <summary>The API names of the actions <paramref name="state"/> allows (what a 409 lists).</summary>
    public static IReadOnlyList<string> AllowedCommandsIn(PenaltyState state) => Allowed[state].Select(PenaltyNames.Of).ToArray();

    public static bool Allows(PenaltyState state, PenaltyAction action) => Allowed[state].Contains(action);

    /// <summary>True when only a certified officer may take <paramref name="action"/>. Source: 行政处罚法 第四十二条; 国办发〔2018〕118号.</summary>
    public static bool RequiresCertificate(PenaltyAction action) => Certified.Contains(action);
}
