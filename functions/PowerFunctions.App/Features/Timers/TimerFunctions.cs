using PowerFunctions.App.Auth;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Timers;

/// <summary>
/// <c>DeadlineSweep</c> (timer, every minute) and <c>POST /api/admin/timers/sweep</c> (admin, on demand). The
/// route's first segment is <c>{area:regex(^admin$)}</c> because the Functions host refuses routes starting
/// with "admin"; the public path stays <c>/api/admin/timers/sweep</c> on both hosts.
/// </summary>
public sealed class TimerFunctions(IDeadlineSweeper sweeper, ILogger<TimerFunctions> logger)
{
    /// <summary>Every minute, at second 0 (NCRONTAB with seconds).</summary>
    public const string EveryMinute = "0 */1 * * * *";

    /// <summary>The most sweeps one on-demand call runs (each fires up to <see cref="TimerOptions.MaxTimersPerSweep"/>).</summary>
    public const int MaxSweepsOnDemand = 20;

    [Function("DeadlineSweep")]
    public async Task SweepOnTimerAsync([TimerTrigger(EveryMinute)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var fired = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("DeadlineSweep (next {Next:O}) fired {Fired} timers", timer.ScheduleStatus?.Next, fired);
    }

    /// <summary>Sweeps on demand ("fires every due timer now"): repeats while a sweep fired something, so timers beyond one sweep's bound, or made due by a firing, fire too.</summary>
    [Function("AdminTimersSweep")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> SweepNowAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "{area:regex(^admin$)}/timers/sweep")] HttpRequest request, CancellationToken cancellationToken)
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
