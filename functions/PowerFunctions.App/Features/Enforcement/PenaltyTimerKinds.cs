namespace PowerFunctions.App.Features.Enforcement;

/// <summary>The durable-timer kinds of penalty cases (each has one <see cref="Timers.ITimerHandler"/>).</summary>
public static class PenaltyTimerKinds
{
    /// <summary>Keys <c>{deadline}.yellow</c>, <c>{deadline}.red</c>, <c>{deadline}.resolve</c>: supervision signals of a penalty clock.</summary>
    public const string DeadlineAlert = "penalty-deadline-alert";

    /// <summary>Key <c>publish</c>: the scheduled job that makes a penalty decision public — at delivery, and at the latest on the publication due date (国办发〔2018〕118号).</summary>
    public const string Publication = "penalty-publication";

    /// <summary>Key <c>project</c>: rebuilds the supervision and public read models from the committed case (<see cref="DecisionRegister"/>).</summary>
    public const string Projection = "penalty-projection";
}
