namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>What people do to an alert (API action names <c>acknowledge</c>, <c>close</c>, <c>escalate</c>).</summary>
public enum AlertAction
{
    /// <summary>The department states what it did (department staff).</summary>
    Acknowledge,

    /// <summary>The supervisor closes an acknowledged alert.</summary>
    Close,

    /// <summary>The supervisor turns the alert into a rectification notice.</summary>
    Escalate,
}
