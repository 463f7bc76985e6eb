namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// Carries out one kind of timer. Must be idempotent and check <see cref="DurableTimer.Generation"/>
/// against the target's state: a stale or repeated timer does nothing and still counts as handled.
/// Throwing leaves the timer in the index to be tried again by a later sweep.
/// </summary>
public interface ITimerHandler
{
    /// <summary>The <see cref="DurableTimer.Kind"/> this handler fires.</summary>
    string Kind { get; }

    /// <summary>True when the timer had an effect (counted in the sweep's <c>fired</c>), false when it was stale.</summary>
    Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken);
}
