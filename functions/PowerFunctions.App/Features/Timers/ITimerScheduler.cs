namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Writes timers into the due-time index. Call it BEFORE committing the change that needs the timers:
/// a crash in between leaves a timer whose handler finds nothing to do, never a change with no timer.
/// Scheduling the same (kind, target, key, generation) twice is harmless.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(IReadOnlyList<DurableTimer> timers, CancellationToken cancellationToken);
}
