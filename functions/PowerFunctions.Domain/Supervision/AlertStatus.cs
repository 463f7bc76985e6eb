namespace PowerFunctions.Domain.Supervision;

/// <summary>Where an alert record stands: see <see cref="AlertRecordRules.StatusOf"/>.</summary>
public enum AlertStatus
{
    /// <summary>Raised and neither resolved nor superseded: supervisors act on it.</summary>
    Open,

    /// <summary>A yellow alert overtaken by the red alert of the same deadline: kept, not listed as open.</summary>
    Superseded,

    /// <summary>The deadline was met (or the case left the clock): kept as history.</summary>
    Resolved,
}
