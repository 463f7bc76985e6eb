namespace PowerFunctions.Domain.Complaints;

/// <summary>Where a ticket stands (API <c>state</c>, kebab case on the wire). The actions each allows: <see cref="ComplaintStateMachine"/>.</summary>
public enum ComplaintState
{
    /// <summary>Received with no department yet: waiting for the hotline or a supervisor to <c>assign</c> it.</summary>
    Received,

    /// <summary>A department owns it (首问负责) and has not accepted it yet.</summary>
    Assigned,

    /// <summary>Accepted by its owning department and being handled.</summary>
    InProgress,

    /// <summary>Answered with a sealed 答复意见书; waiting for the follow-up (回访) and closure.</summary>
    Answered,

    /// <summary>Closed. Reopened only after a dissatisfied follow-up.</summary>
    Closed,

    /// <summary>Reopened after a dissatisfied follow-up: handled again under a new answer clock.</summary>
    Reopened,
}
