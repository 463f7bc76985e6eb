namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The one table of which action each state allows, and who may ask for it. Commands check here first
/// (<c>complaint.invalid_transition</c> with the allowed actions, <c>complaint.role_not_allowed</c>);
/// guards that depend on more than the state (the owning department, a pending transfer, the follow-up)
/// live with the command in <see cref="Complaint"/>.
/// <list type="table">
/// <item><term>received</term><description>assign (hotline, supervisor)</description></item>
/// <item><term>assigned, in-progress, reopened</term><description>transfer, accept, explain, answer (handler of the owning department; accept also by the handler of a transfer's target)</description></item>
/// <item><term>answered</term><description>follow-up, reopen, close (handler of the owning department, hotline, supervisor)</description></item>
/// <item><term>closed</term><description>reopen (after a dissatisfied follow-up)</description></item>
/// </list>
/// Source: seed 003 (第五篇 首问负责制); local 12345 rules (派单, 签收, 办理, 回访, 办结); API.md "Complaints and the hotline".
/// </summary>
public static class ComplaintStateMachine
{
    private static readonly ComplaintAction[] Handling = [ComplaintAction.Transfer, ComplaintAction.Accept, ComplaintAction.Explain, ComplaintAction.Answer];

    private static readonly Dictionary<ComplaintState, ComplaintAction[]> Allowed = new()
    {
        [ComplaintState.Received] = [ComplaintAction.Assign],
        [ComplaintState.Assigned] = Handling,
        [ComplaintState.InProgress] = Handling,
        [ComplaintState.Reopened] = Handling,
        [ComplaintState.Answered] = [ComplaintAction.FollowUp, ComplaintAction.Reopen, ComplaintAction.Close],
        [ComplaintState.Closed] = [ComplaintAction.Reopen],
    };

    private static readonly Dictionary<ComplaintAction, string[]> Roles = new()
    {
        [ComplaintAction.Assign] = [ComplaintRoles.Hotline, ComplaintRoles.Supervisor],
        [ComplaintAction.Transfer] = [ComplaintRoles.Handler],
        [ComplaintAction.Accept] = [ComplaintRoles.Handler],
        [ComplaintAction.Explain] = [ComplaintRoles.Handler],
        [ComplaintAction.Answer] = [ComplaintRoles.Handler],
        [ComplaintAction.FollowUp] = [ComplaintRoles.Handler, ComplaintRoles.Hotline, ComplaintRoles.Supervisor],
        [ComplaintAction.Reopen] = [ComplaintRoles.Handler, ComplaintRoles.Hotline, ComplaintRoles.Supervisor],
        [ComplaintAction.Close] = [ComplaintRoles.Handler, ComplaintRoles.Hotline, ComplaintRoles.Supervisor],
    };

    /// <summary>The actions <paramref name="state"/> allows.</summary>
    public static IReadOnlyList<ComplaintAction> AllowedIn(ComplaintState state) => Allowed[state];

    /// <summary>The API names of the actions <paramref name="state"/> allows (what a 409 lists).</summary>
    public static IReadOnlyList<string> AllowedCommandsIn(ComplaintState state) => [.. Allowed[state].Select(ComplaintNames.Of)];

    public static bool Allows(ComplaintState state, ComplaintAction action) => Allowed[state].Contains(action);

    /// <summary>The roles that may ask for <paramref name="action"/>; a handler acts only for its department (checked by the command).</summary>
    public static IReadOnlyList<string> RolesFor(ComplaintAction action) => Roles[action];

    /// <summary>True when nothing is expected of anyone: closed (a reopen is a new round, started by people).</summary>
    public static bool IsFinal(ComplaintState state) => state == ComplaintState.Closed;
}
