namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Writes timers into the due-time index. The timers of a change are written BEFORE the change commits, so
/// a crash in between leaves a timer whose handler finds nothing to do (its generation is past the target's
/// version), never a change with no timer; <see cref="ScheduleWithCommitAsync"/> also takes back what it
/// wrote when the commit fails, so a failed request leaves no timer rows behind.
/// Scheduling the same (kind, target, key, generation) twice is harmless.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a timer that is no longer needed (its effect was done in line, e.g. the work list written right
    /// after the commit), so it never fires; a timer that is gone, firing or fired is left as it is. Best effort:
    /// a timer not cancelled fires and finds nothing to do. This default, for schedulers that cannot remove
    /// rows, does nothing.
    /// </summary>
    Task CancelAsync(DurableTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes <paramref name="timers"/>, then runs <paramref name="commit"/> (the change that needs them). When
    /// the commit throws, the rows this call added are removed again (those another writer also relies on are
    /// kept) and the exception goes on. This default, for schedulers that cannot take rows back, only schedules.
    /// </summary>
    async Task ScheduleWithCommitAsync(IReadOnlyList<DurableTimer> timers, Func<Task> commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await ScheduleAsync(timers, cancellationToken).ConfigureAwait(false);
        await commit().ConfigureAwait(false);
    }
}
