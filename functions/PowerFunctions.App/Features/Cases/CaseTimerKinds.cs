namespace PowerFunctions.App.Features.Cases;

/// <summary>The durable-timer kinds of the case lifecycle (each has one <see cref="Timers.ITimerHandler"/>).</summary>
public static class CaseTimerKinds
{
    /// <summary>Key <c>correction-notice</c>, due at the end of the 5th wd: deemed acceptance.</summary>
    public const string DeemedAcceptance = "case-deemed-acceptance";

    /// <summary>Keys <c>publicity-start</c> (posts the approval, due at once) and <c>publicity-end</c> (end of the last day: awaiting delivery).</summary>
    public const string Publicity = "case-publicity";

    /// <summary>Key <c>result-publication</c>, due at delivery: the scheduled job that publishes the result.</summary>
    public const string ResultPublication = "case-result-publication";

    /// <summary>Keys <c>{deadline}.yellow</c>, <c>{deadline}.red</c> and <c>{deadline}.resolve</c>: supervision signals.</summary>
    public const string DeadlineAlert = "case-deadline-alert";

    /// <summary>Key <c>worklist</c>, due at once with every commit: writes the case's work-list rows (<see cref="WorkListStore"/>) if the commit's own write did not.</summary>
    public const string WorkList = "case-worklist";
}
