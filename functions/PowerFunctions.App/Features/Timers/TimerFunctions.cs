using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Timers;

/// <summary><c>DeadlineSweep</c> (timer, every minute) and <c>POST /api/admin/timers/sweep</c> (admin, on demand).</summary>
public sealed class TimerFunctions(IDeadlineSweeper sweeper, ILogger<TimerFunctions> logger) : IFunctionModule
{
    /// <summary>Every minute, at second 0 (NCRONTAB with seconds).</summary>
    public const string EveryMinute = "0 */1 * * * *";

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

    private async Task<HttpResult> SweepNowAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var fired = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(new { fired });
    }
}
