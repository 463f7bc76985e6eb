using PowerFunctions.App.Features.Timers;

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

    /// <summary>
    /// Key <c>worklist</c>, scheduled with every commit and due <see cref="WorkListRepairDelay"/> later: writes the
    /// case's work-list rows (<see cref="WorkListStore"/>) if the commit's own write did not. When that write
    /// succeeds the timer is cancelled, so it fires only after a crash or a failed write.
    /// </summary>
    public const string WorkList = "case-worklist";

    /// <summary>
    /// How long after a commit the work-list repair fires: long enough that the commit's own write (and the
    /// cancellation) come first, and beyond the scheduler's near window (10 minutes by default) so scheduling it
    /// does not touch the sweep bookmark; short enough that a list missed by a crash is mended within the hour.
    /// </summary>
    public static readonly TimeSpan WorkListRepairDelay = TimeSpan.FromMinutes(15);

    /// <summary>The work-list repair timer of a commit made at <paramref name="now"/> that left the case at <paramref name="version"/>.</summary>
    public static DurableTimer WorkListRepair(string caseNo, long version, DateTimeOffset now) =>
        new(WorkList, caseNo, "worklist", now + WorkListRepairDelay, version);
}
