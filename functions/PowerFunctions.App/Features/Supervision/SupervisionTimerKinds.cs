namespace PowerFunctions.App.Features.Supervision;

/// <summary>The durable-timer kinds of the supervision centre (each has one <see cref="Timers.ITimerHandler"/>).</summary>
public static class SupervisionTimerKinds
{
    /// <summary>
    /// Target a case: <c>stage-{stage}.yellow</c> / <c>.red</c> raise a running stage's alerts at the instants of
    /// <see cref="Domain.Supervision.Alerts.StageAlerts.Plan(Domain.Calendar.IWorkingCalendar, string, DateOnly, int, DateTimeOffset)"/>;
    /// <c>commit</c> (due at a commit) repeats what the commit's supervision effects did, should the process have stopped
    /// between the commit and them: the counters, the closed-case index, the stage alerts a stage's end resolves.
    /// </summary>
    public const string Case = "supervision-case";

    /// <summary>Target a rectification notice: <c>yellow.{round}</c>, <c>red.{round}</c> (records the missed deadline and raises the red alert), <c>commit</c> (its counters).</summary>
    public const string Rectification = "supervision-rectification";

    /// <summary>The key of a commit's repeat.</summary>
    public const string CommitKey = "commit";
}
