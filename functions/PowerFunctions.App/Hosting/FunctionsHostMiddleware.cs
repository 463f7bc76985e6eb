using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Under the Functions host, every invocation passes here (registered after
/// <c>ConfigureFunctionsWebApplication()</c>, so inside the ASP.NET Core integration): HTTP functions run
/// through the same <see cref="HttpPipeline"/> as standalone, which writes the answer itself (the
/// integration is then handed an empty result); timer and queue functions through the same wrapper as the
/// standalone runners, and a queue message given up on is sealed into its poison queue as standalone
/// (<see cref="PoisonQueue.RunUnderHostAsync"/>), not moved there raw by the host. The host's invocation id is the correlation id when the caller sent none.
/// </summary>
public sealed class FunctionsHostMiddleware(FunctionIndex index, HttpPipeline pipeline, FunctionInvoker invoker, PoisonQueue poisonQueue) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        switch (index.Find(context.FunctionDefinition.Name))
        {
            case HttpFunction http when context.GetHttpContext() is { } httpContext:
                await pipeline.InvokeAsync(httpContext, http, async () =>
                {
                    await next(context).ConfigureAwait(false);
                    return context.GetInvocationResult().Value as IResult;
                }, context.InvocationId).ConfigureAwait(false);
                context.GetInvocationResult().Value = Results.Empty;
                break;
            case TimerFunction timer:
                await invoker.RunTimerAsync(timer.Name, context.InvocationId, false, () => next(context)).ConfigureAwait(false);
                break;
            case QueueFunction queue:
                var data = context.BindingContext.BindingData;
                var messageId = data.TryGetValue("Id", out var id) ? Convert.ToString(id, CultureInfo.InvariantCulture) : null;
                long? dequeueCount = data.TryGetValue("DequeueCount", out var count) && long.TryParse(Convert.ToString(count, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
                var text = data.TryGetValue("QueueTrigger", out var trigger) ? Convert.ToString(trigger, CultureInfo.InvariantCulture) : null;
                await poisonQueue.RunUnderHostAsync(
                    queue,
                    messageId,
                    dequeueCount,
                    text,
                    () => invoker.RunQueueAsync(queue.Name, queue.QueueName, context.InvocationId, messageId, dequeueCount, () => next(context)),
                    context.CancellationToken).ConfigureAwait(false);
                break;
            default:
                // The Worker SDK indexed a function the standalone table lacks: the parity test keeps this from shipping.
                await next(context).ConfigureAwait(false);
                break;
        }
    }
}
