using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Timers;

/// <summary><c>DeadlineSweep</c> (timer, every minute) and <c>POST /api/admin/timers/sweep</c> (admin, on demand).</summary>
public sealed class TimerFunctions(IDeadlineSweeper sweeper, ILogger<TimerFunctions> logger) : IFunctionModule
{
    /// <summary>Every minute, at second 0 (NCRONTAB with seconds).</summary>
    public const string EveryMinute = "0 */1 * * * *";

    /// <summary>The most sweeps one on-demand call runs (each fires up to <see cref="TimerOptions.MaxTimersPerSweep"/>).</summary>
    public const int MaxSweepsOnDemand = 20;

    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.Timer("DeadlineSweep", EveryMinute, SweepOnTimerAsync);
        yield return Function.Http("AdminTimersSweep", "POST", "admin/timers/sweep", Access.AnyRole(Roles.Admin), SweepNowAsync);
    }

    private async Task SweepOnTimerAsync(TimerCall call, CancellationToken cancellationToken)
    {
        var fired = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("DeadlineSweep scheduled at {ScheduledAt} fired {Fired} timers", call.ScheduledAt, fired);
    }

    /// <summary>Sweeps on demand ("fires every due timer now"): repeats while a sweep fired something, so timers beyond one sweep's bound, or made due by a firing, fire too.</summary>
    private async Task<HttpResult> SweepNowAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var fired = 0;
        for (var round = 0; round < MaxSweepsOnDemand; round++)
        {
            var firedNow = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
            fired += firedNow;
            if (firedNow == 0)
            {
                break;
            }
        }

        return HttpResult.Ok(new { fired });
    }
}
