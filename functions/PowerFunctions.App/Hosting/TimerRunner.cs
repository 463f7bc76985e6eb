namespace PowerFunctions.App.Hosting;

/// <summary>
/// Standalone only: fires every <see cref="TimerFunction"/> on its NCRONTAB schedule, in real time
/// (the handlers themselves read the injected <see cref="TimeProvider"/>, which may be the manual
/// clock). A tick that fails is logged and the next one still comes; a tick that starts more than a
/// second late is marked past due. Off under the Functions host and with <c>Runners:Enabled=false</c>.
/// </summary>
public sealed class TimerRunner(FunctionCatalog catalog, FunctionInvoker invoker, ILogger<TimerRunner> logger) : BackgroundService
{
    /// <summary>A tick that starts later than this after its due time is reported past due.</summary>
    public static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _realTime = TimeProvider.System;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = catalog.Timers.Select(t => RunAsync(t, NcrontabSchedule.Parse(t.Schedule), stoppingToken)).ToArray();
        return Task.WhenAll(loops);
    }

    private async Task RunAsync(TimerFunction function, NcrontabSchedule schedule, CancellationToken stoppingToken)
    {
        logger.LogInformation("Timer runner: {Function} on '{Schedule}'", function.Name, schedule);
        var last = _realTime.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = schedule.Next(last);
            var wait = due - _realTime.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _realTime, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = _realTime.GetUtcNow();
            var call = new TimerCall(due, now - due > PastDueAfter, Guid.NewGuid().ToString("N"));
            try
            {
                await invoker.InvokeTimerAsync(function, call, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Logged by the invoker; the next tick comes regardless.
            }

            // Skip the ticks missed while this one ran (as the Functions host does): no burst of catch-up runs.
            last = due > _realTime.GetUtcNow() ? due : _realTime.GetUtcNow();
        }
    }
}
