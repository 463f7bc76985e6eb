using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// <c>case-worklist</c>: writes the work-list rows of the case as it is now (a row is never replaced by an
/// older version, so a late or repeated timer does nothing). It repairs a crash between a commit and the
/// commit's own write of the rows.
/// </summary>
public sealed class WorkListTimerHandler(CaseStore store, CaseService cases, WorkListStore workList) : ITimerHandler
{
    public string Kind => CaseTimerKinds.WorkList;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        if (loaded is null || timer.Generation > loaded.Case.Version)
        {
            return false;
        }

        var calendar = await cases.CalendarAsync(cancellationToken).ConfigureAwait(false);
        return await workList.WriteAsync(loaded.Case, calendar, cases.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) > 0;
    }
}
