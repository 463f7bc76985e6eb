using Microsoft.Azure.Functions.Worker;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Standalone only: fires every <see cref="TimerFunction"/> on its NCRONTAB schedule (UTC, as the Functions
/// host), in real time; the functions themselves read the injected <see cref="TimeProvider"/>, which may be
/// the manual clock. A tick that fails is logged and the next one still comes; a tick that starts more than
/// a second late is marked past due; ticks missed while one ran are skipped, not caught up (as the host does).
/// Off under the Functions host and with <c>Runners:Enabled=false</c>.
/// </summary>
public sealed class TimerRunner(FunctionIndex index, FunctionInvoker invoker, IServiceProvider services, ILogger<TimerRunner> logger) : BackgroundService
{
    /// <summary>A tick that starts later than this after its due time is reported past due.</summary>
    public static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _realTime = TimeProvider.System;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(index.Timers.Select(t => RunAsync(t, stoppingToken)).ToArray());

    private async Task RunAsync(TimerFunction function, CancellationToken stoppingToken)
    {
        logger.LogInformation("Timer runner: {Function} on '{Schedule}'", function.Name, function.Schedule);
        var last = _realTime.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = function.Crontab.GetNextOccurrence(last);
            var wait = new DateTimeOffset(due, TimeSpan.Zero) - _realTime.GetUtcNow();
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

            var now = _realTime.GetUtcNow().UtcDateTime;
            var timer = new TimerInfo
            {
                IsPastDue = now - due > PastDueAfter,
                ScheduleStatus = new ScheduleStatus { Last = last, Next = function.Crontab.GetNextOccurrence(due), LastUpdated = now },
            };
            try
            {
                await invoker.InvokeTimerAsync(function, services, timer, Guid.NewGuid().ToString("N"), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Logged by the invoker; the next tick comes regardless.
            }

            var after = _realTime.GetUtcNow().UtcDateTime;
            last = due > after ? due : after;
        }
    }
}
