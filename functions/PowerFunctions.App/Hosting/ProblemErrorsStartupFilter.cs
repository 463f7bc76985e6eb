using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// The outermost middleware of both hosts (a startup filter wraps whatever pipeline the host builds, so it runs
/// before the framework's own Development exception page could): an exception anywhere past it answers problem+json
/// 500 with the correlation id and no internals, and an error answer that reaches it with no body (a status set by a
/// framework part, not by our pipeline) gets a problem+json body for its status. Kestrel's own refusals, written
/// before any middleware, get theirs from <see cref="KestrelProblemBodies"/>.
/// </summary>
public sealed class ProblemErrorsStartupFilter(ILogger<ProblemErrorsStartupFilter> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(InvokeAsync);
        next(app);
    };

    private async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var correlationId = HttpPipeline.CorrelationIdOf(context);
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            logger.LogError(e, "{Method} {Path} failed outside any function", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            context.Response.StatusCode = 500;
            await HttpPipeline.WriteProblemAsync(context, e is BadHttpRequestException bad ? StatusProblem(bad.StatusCode) : Problems.Internal(correlationId)).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null or 0 && string.IsNullOrEmpty(response.ContentType)
            && !HttpMethods.IsHead(context.Request.Method))
        {
            await HttpPipeline.WriteProblemAsync(context, StatusProblem(response.StatusCode)).ConfigureAwait(false);
        }
    }

    /// <summary>The problem for a bare status code.</summary>
    public static ProblemException StatusProblem(int status) => status switch
    {
        400 => Problems.BadRequest("the request could not be read"),
        404 => Problems.RouteNotFound("this path"),
        408 => new ProblemException(408, "request.timeout", "请求超时", "the request did not arrive in time"),
        413 => new ProblemException(413, "request.too_large", "请求体过大", "the body is over the limit"),
        414 => new ProblemException(414, "request.uri_too_long", "请求地址过长", "the request target is over the limit"),
        415 => Problems.UnsupportedMediaType(null),
        431 => new ProblemException(431, "request.headers_too_large", "请求头过大", "the request's headers are over the limit (size or count)"),
        >= 500 => new ProblemException(status, "server.error", "服务器内部错误"),
        _ => new ProblemException(status, "request.rejected", "请求被拒绝"),
    };
}
