namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The one table of which action each state allows. Commands check here first and answer
/// <c>case.invalid_transition</c> with the allowed actions otherwise. Guards that depend on more
/// than the state (who, what was recorded before) live with the command in <see cref="Case"/>.
/// </summary>
public static class CaseStateMachine
{
    private static readonly CaseAction[] InReview =
    [
        CaseAction.Review, CaseAction.SiteInspection, CaseAction.ExpertDraw, CaseAction.CollectiveDecision,
        CaseAction.Suspend, CaseAction.Extend, CaseAction.JointOpinion, CaseAction.Decide, CaseAction.Withdraw,
    ];

    private static readonly Dictionary<CaseState, CaseAction[]> Allowed = new()
    {
        [CaseState.Submitted] = [CaseAction.CorrectionNotice, CaseAction.Accept, CaseAction.Refuse, CaseAction.Withdraw, CaseAction.DeemedAcceptance],
        [CaseState.CorrectionRequested] = [CaseAction.Supplement, CaseAction.Refuse, CaseAction.Withdraw],
        [CaseState.Accepted] = InReview,
        [CaseState.UnderReview] = InReview,
        [CaseState.Suspended] = [CaseAction.Resume, CaseAction.JointOpinion, CaseAction.Withdraw],
        [CaseState.Decided] = [CaseAction.Deliver],
        [CaseState.InPublicity] = [CaseAction.Objection, CaseAction.ObjectionAnswer, CaseAction.EndPublicity],
        [CaseState.AwaitingDelivery] = [CaseAction.ObjectionAnswer, CaseAction.Deliver],
        [CaseState.Delivered] = [CaseAction.PublishResult],
        [CaseState.Refused] = [],
        [CaseState.Closed] = [],
        [CaseState.Withdrawn] = [],
    };

    /// <summary>The actions <paramref name="state"/> allows (timer effects included).</summary>
    public static IReadOnlyList<CaseAction> AllowedIn(CaseState state) => Allowed[state];

    /// <summary>The actions people can ask for in <paramref name="state"/>, as API names (what a 409 lists).</summary>
    public static IReadOnlyList<string> AllowedCommandsIn(CaseState state) =>
        Allowed[state].Where(a => !IsTimerEffect(a)).Select(CaseNames.Of).ToArray();

    public static bool Allows(CaseState state, CaseAction action) => Allowed[state].Contains(action);

    /// <summary>True for a final state: nothing more happens to the case.</summary>
    public static bool IsFinal(CaseState state) => state is CaseState.Refused or CaseState.Closed or CaseState.Withdrawn;

    public static bool IsTimerEffect(CaseAction action) => action is CaseAction.DeemedAcceptance or CaseAction.EndPublicity or CaseAction.PublishResult;
}
