using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Runs functions. Timer and queue invocations get the same wrapper on both hosts (standalone from the
/// runners, under the Functions host from <see cref="FunctionsHostMiddleware"/>): one correlation id, a log
/// scope, a span and the metrics. Failures are logged and rethrown: the caller decides between retry and
/// poison. Standalone, it also binds and calls the function methods themselves.
/// </summary>
public sealed class FunctionInvoker(Telemetry telemetry, ILogger<FunctionInvoker> logger)
{
    /// <summary>Standalone: calls an HTTP function with the request's services and route values; answers its result.</summary>
    public async Task<IResult?> InvokeHttpAsync(HttpFunction function, HttpContext context)
    {
        var arguments = function.Arguments(p => p.Kind switch
        {
            FunctionParameterKind.Request => context.Request,
            FunctionParameterKind.CancellationToken => context.RequestAborted,
            FunctionParameterKind.RouteValue => Convert.ToString(context.Request.RouteValues[p.Name], CultureInfo.InvariantCulture) ?? string.Empty,
            _ => throw new InvalidOperationException($"{function.Name}: no value for '{p.Name}'"),
        });
        return await function.InvokeAsync(context.RequestServices, arguments).ConfigureAwait(false) as IResult;
    }

    /// <summary>Standalone: one tick of a timer function in its own service scope.</summary>
    public async Task InvokeTimerAsync(TimerFunction function, IServiceProvider services, TimerInfo timer, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var arguments = function.Arguments(p => p.Kind == FunctionParameterKind.TimerInfo ? timer : cancellationToken);
        await RunTimerAsync(function.Name, correlationId, timer.IsPastDue, () => function.InvokeAsync(scope.ServiceProvider, arguments)).ConfigureAwait(false);
    }

    /// <summary>Standalone: one delivery of a message to a queue function in its own service scope.</summary>
    public async Task InvokeQueueAsync(QueueFunction function, IServiceProvider services, string messageText, string messageId, long dequeueCount, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var arguments = function.Arguments(p => p.Kind == FunctionParameterKind.QueueMessage ? messageText : cancellationToken);
        await RunQueueAsync(function.Name, function.QueueName, correlationId, messageId, dequeueCount, () => function.InvokeAsync(scope.ServiceProvider, arguments)).ConfigureAwait(false);
    }

    /// <summary>The wrapper of a timer invocation, around <paramref name="invoke"/>.</summary>
    public async Task RunTimerAsync(string function, string correlationId, bool isPastDue, Func<Task> invoke)
    {
        using var activity = telemetry.Source.StartActivity(function, ActivityKind.Internal);
        activity?.SetTag("correlation.id", correlationId);
        activity?.SetTag("faas.trigger", "timer");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId, ["Function"] = function });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await invoke().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            telemetry.TimerFired(function, "ok", elapsed);
            logger.LogInformation("{Function} ran (past due: {IsPastDue}) in {Elapsed:0.0} ms", function, isPastDue, elapsed);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            telemetry.TimerFired(function, "failed", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogError(e, "{Function} failed", function);
            throw;
        }
    }

    /// <summary>The wrapper of a queue delivery, around <paramref name="invoke"/>.</summary>
    public async Task RunQueueAsync(string function, string queue, string correlationId, string? messageId, long? dequeueCount, Func<Task> invoke)
    {
        using var activity = telemetry.Source.StartActivity(function, ActivityKind.Consumer);
        activity?.SetTag("correlation.id", correlationId);
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", messageId);
        activity?.SetTag("messaging.delivery_count", dequeueCount);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId, ["Function"] = function, ["MessageId"] = messageId ?? string.Empty });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await invoke().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            telemetry.QueueDelivered(function, "ok", elapsed);
            logger.LogInformation("{Function} handled message {MessageId} (delivery {DequeueCount}) in {Elapsed:0.0} ms", function, messageId, dequeueCount, elapsed);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            telemetry.QueueDelivered(function, "failed", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogWarning(e, "{Function} failed on message {MessageId} (delivery {DequeueCount})", function, messageId, dequeueCount);
            throw;
        }
    }

    /// <summary>Counts a message moved to the poison queue.</summary>
    public void Poisoned(QueueFunction function, string messageId, string reason)
    {
        telemetry.QueueDelivered(function.Name, "poisoned", 0);
        logger.LogError("{Function} moved message {MessageId} to {Queue}-poison: {Reason}", function.Name, messageId, function.QueueName, reason);
    }
}
