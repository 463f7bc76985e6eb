namespace PowerFunctions.Domain.Evaluations;

/// <summary>Where an evaluation stands: a good one is simply recorded; a bad one awaits rectification until the department reports it.</summary>
public enum EvaluationStatus
{
    /// <summary>A rating that needs no follow-up.</summary>
    Recorded,

    /// <summary>A bad rating (不满意/非常不满意) the department must follow up and rectify by the due date.</summary>
    AwaitingRectification,

    /// <summary>The department reported what it did.</summary>
    Rectified,
}
