namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>Why a closed alert closed (API <c>closure</c>).</summary>
public enum AlertClosure
{
    /// <summary><c>closed</c>: the supervisor accepted the department's acknowledgement.</summary>
    Closed,

    /// <summary><c>escalated</c>: the supervisor turned it into a rectification notice.</summary>
    Escalated,

    /// <summary><c>superseded</c>: a yellow alert overtaken by the red alert of the same clock.</summary>
    Superseded,

    /// <summary><c>resolved</c>: a yellow alert whose clock was met in time; nothing is left to correct.</summary>
    Resolved,
}
