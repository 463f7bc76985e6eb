namespace PowerFunctions.Domain.Cases;

/// <summary>The API spelling (kebab case) of states and actions, in one place.</summary>
public static class CaseNames
{
    private static readonly Dictionary<CaseAction, string> Actions = new()
    {
        [CaseAction.CorrectionNotice] = "correction-notice",
        [CaseAction.Supplement] = "supplement",
        [CaseAction.Accept] = "accept",
        [CaseAction.Refuse] = "refuse",
        [CaseAction.Review] = "review",
        [CaseAction.SiteInspection] = "site-inspection",
        [CaseAction.ExpertDraw] = "expert-draw",
        [CaseAction.CollectiveDecision] = "collective-decision",
        [CaseAction.Suspend] = "suspend",
        [CaseAction.Resume] = "resume",
        [CaseAction.Extend] = "extend",
        [CaseAction.JointOpinion] = "joint-opinion",
        [CaseAction.Decide] = "decide",
        [CaseAction.Deliver] = "deliver",
        [CaseAction.Withdraw] = "withdraw",
        [CaseAction.Objection] = "objections",
        [CaseAction.ObjectionAnswer] = "objection-answer",
        [CaseAction.DeemedAcceptance] = "deemed-acceptance",
        [CaseAction.EndPublicity] = "end-publicity",
        [CaseAction.PublishResult] = "publish-result",
    };

    private static readonly Dictionary<CaseState, string> States = new()
    {
        [CaseState.Submitted] = "submitted",
        [CaseState.CorrectionRequested] = "correction-requested",
        [CaseState.Accepted] = "accepted",
        [CaseState.Refused] = "refused",
        [CaseState.UnderReview] = "under-review",
        [CaseState.Suspended] = "suspended",
        [CaseState.Decided] = "decided",
        [CaseState.InPublicity] = "in-publicity",
        [CaseState.AwaitingDelivery] = "awaiting-delivery",
        [CaseState.Delivered] = "delivered",
        [CaseState.Closed] = "closed",
        [CaseState.Withdrawn] = "withdrawn",
    };

    public static string Of(CaseAction action) => Actions[action];

    public static string Of(CaseState state) => States[state];

    /// <summary>The command an API name means, or null (timer effects cannot be asked for).</summary>
    public static CaseAction? ParseCommand(string name)
    {
        foreach (var (action, api) in Actions)
        {
            if (string.Equals(api, name, StringComparison.Ordinal) && !CaseStateMachine.IsTimerEffect(action))
            {
                return action;
            }
        }

        return null;
    }

    public static CaseState ParseState(string name) => States.First(s => s.Value == name).Key;
}
