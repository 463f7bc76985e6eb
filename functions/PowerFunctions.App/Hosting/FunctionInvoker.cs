using System.Diagnostics;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Runs timer and queue functions the same way whichever host triggered them (the Functions host
/// through the custom-handler envelope, or the standalone runners): one correlation id, a log scope,
/// a trace span and the metrics per invocation. Failures are logged and rethrown: the caller decides
/// between retry, poison and an HTTP 500 to the host.
/// </summary>
public sealed class FunctionInvoker(Telemetry telemetry, ILogger<FunctionInvoker> logger)
{
    public async Task InvokeTimerAsync(TimerFunction function, TimerCall call, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity(function.Name, ActivityKind.Internal);
        activity?.SetTag("correlation.id", call.CorrelationId);
        activity?.SetTag("faas.trigger", "timer");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = call.CorrelationId, ["Function"] = function.Name });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await function.Handler(call, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            telemetry.TimerFired(function.Name, "ok", elapsed);
            logger.LogInformation("{Function} ran for the tick due {ScheduledAt:O} (past due: {IsPastDue}) in {Elapsed:0.0} ms", function.Name, call.ScheduledAt, call.IsPastDue, elapsed);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            telemetry.TimerFired(function.Name, "failed", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogError(e, "{Function} failed on the tick due {ScheduledAt:O}", function.Name, call.ScheduledAt);
            throw;
        }
    }

    public async Task InvokeQueueAsync(QueueFunction function, QueueCall call, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity(function.Name, ActivityKind.Consumer);
        activity?.SetTag("correlation.id", call.CorrelationId);
        activity?.SetTag("messaging.destination.name", function.Binding.QueueName);
        activity?.SetTag("messaging.message.id", call.MessageId);
        activity?.SetTag("messaging.delivery_count", call.DequeueCount);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = call.CorrelationId, ["Function"] = function.Name, ["MessageId"] = call.MessageId });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await function.Handler(call, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            telemetry.QueueDelivered(function.Name, "ok", elapsed);
            logger.LogInformation("{Function} handled message {MessageId} (delivery {DequeueCount}) in {Elapsed:0.0} ms", function.Name, call.MessageId, call.DequeueCount, elapsed);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            telemetry.QueueDelivered(function.Name, "failed", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogWarning(e, "{Function} failed on message {MessageId} (delivery {DequeueCount})", function.Name, call.MessageId, call.DequeueCount);
            throw;
        }
    }

    /// <summary>Counts a message moved to the poison queue.</summary>
    public void Poisoned(QueueFunction function, string messageId, string reason)
    {
        telemetry.QueueDelivered(function.Name, "poisoned", 0);
        logger.LogError("{Function} moved message {MessageId} to {Queue}-poison: {Reason}", function.Name, messageId, function.Binding.QueueName, reason);
    }
}
