using System.Diagnostics;
using Azure;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// What every HTTP call goes through, on either host (standalone from the endpoint, under the Functions host
/// from <see cref="FunctionsHostMiddleware"/>): correlation id on the answer, log scope, span and metrics;
/// the security headers (<see cref="SecurityHeaders"/>); a public route's rate limit per client address; the
/// body buffered up to <c>Http:MaxBodyBytes</c> (413 past it); authentication and the role check of the
/// function's access attribute; a submission's rate limit per citizen (<see cref="RequestLimiter"/>: 429 with
/// <c>Retry-After</c>); the body's media type and JSON limits (<see cref="JsonLimits"/>); the function;
/// and every failure as problem+json, with no internals, in every environment.
/// </summary>
public sealed class HttpPipeline(Authenticator authenticator, IOptions<HttpOptions> httpOptions, RequestLimiter limiter, ILogger<HttpPipeline> logger, Telemetry telemetry, RequestTracker requests)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>
    /// Runs <paramref name="function"/> through the pipeline and writes its answer to the response.
    /// <paramref name="invoke"/> runs the function (its request's body is then the buffered one) and answers
    /// its result; <paramref name="fallbackCorrelationId"/> is used when the caller sent none (the host's
    /// invocation id).
    /// </summary>
    public async Task InvokeAsync(HttpContext context, HttpFunction function, Func<Task<IResult?>> invoke, string? fallbackCorrelationId = null)
    {
        using var serving = requests.Begin();
        var correlationId = CorrelationIdOf(context, fallbackCorrelationId);
        var request = context.Request;
        using var activity = telemetry.Source.StartActivity(function.Name, ActivityKind.Server);
        activity?.SetTag("http.request.method", request.Method);
        activity?.SetTag("url.path", request.Path.Value);
        activity?.SetTag("correlation.id", correlationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId, ["Function"] = function.Name });
        var started = Stopwatch.GetTimestamp();
        IResult result;
        SecurityHeaders.Apply(context);
        try
        {
            limiter.CheckPublic(context, function);
            var body = await ReadBodyAsync(request, httpOptions.Value.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            var caller = await AuthenticateAsync(function, request).ConfigureAwait(false);
            limiter.CheckSubmission(context, function, caller);
            CheckBody(function, request, body);
            context.Features.Set(new FunctionRequestFeature(function.Name, correlationId, body, caller));
            result = await invoke().ConfigureAwait(false) ?? throw new InvalidOperationException($"{function.Name} returned no result");
        }
        catch (Exception e)
        {
            result = HttpResult.Problem(ProblemOf(e, function, correlationId, context, activity));
        }

        await WriteAsync(context, result, function, correlationId).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = context.Response.StatusCode;
        activity?.SetTag("http.response.status_code", status);
        telemetry.HttpAnswered(function.Name, request.Method, status, elapsed);
        logger.LogInformation("{Method} {Path} -> {Status} in {Elapsed:0.0} ms", request.Method, request.Path.Value, status, elapsed);
    }

    /// <summary>
    /// The call's correlation id, set once on the answer's <c>X-Correlation-Id</c>: the caller's (letters,
    /// digits, <c>-_.</c>, at most 128), else <paramref name="fallback"/>, else the trace id or a new one.
    /// </summary>
    public static string CorrelationIdOf(HttpContext context, string? fallback = null)
    {
        if (context.Response.Headers.TryGetValue(CorrelationHeader, out var set) && set.Count == 1 && !string.IsNullOrEmpty(set[0]))
        {
            return set[0]!;
        }

        var given = context.Request.Headers[CorrelationHeader];
        var id = given.Count == 1 && given[0] is { Length: > 0 and <= 128 } value && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : fallback ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Response.Headers[CorrelationHeader] = id;
        return id;
    }

    /// <summary>Writes a problem answer (with the correlation id) outside any function: unknown routes, wrong methods, unhandled errors.</summary>
    public static Task WriteProblemAsync(HttpContext context, ProblemException problem, string? allow = null)
    {
        CorrelationIdOf(context);
        SecurityHeaders.Apply(context);
        var result = HttpResult.Problem(problem);
        return (allow is null ? result : result.WithHeader("Allow", allow)).ExecuteAsync(context);
    }

    private ProblemException ProblemOf(Exception e, HttpFunction function, string correlationId, HttpContext context, Activity? activity)
    {
        switch (e)
        {
            case ProblemException problem:
                return problem;
            case RequestFailedException { Status: 412 } precondition:
                return Problems.PreconditionFailed(precondition.Message);
            case RequestFailedException { Status: 400 } invalid:
                // Storage refused a key or value the request carried (a key over 1 KiB or with '/', '#', '?'; a
                // property over its limit): the request's fault, never stored. Named in the log, not in the answer.
                logger.LogWarning("{Function}: storage refused a value of the request ({ErrorCode}): {Message}", function.Name, invalid.ErrorCode, invalid.Message);
                return new ProblemException(422, "request.value_not_storable", "请求中的值过长或含有不允许的字符", "a value of the request (an id or a text) is too long or holds characters that cannot be stored");
            case BadHttpRequestException { StatusCode: 413 }:
                return Problems.TooLarge(httpOptions.Value.MaxBodyBytes);
            case BadHttpRequestException bad:
                // Kestrel could not read the request (a malformed chunked body, a body cut short, too slow).
                logger.LogInformation("{Function}: unreadable request ({Status})", function.Name, bad.StatusCode);
                return Problems.BadRequest("the request body could not be read");
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new ProblemException(499, "request.cancelled", "请求已取消");
            default:
                logger.LogError(e, "{Function} failed", function.Name);
                activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                return Problems.Internal(correlationId);
        }
    }

    private async Task WriteAsync(HttpContext context, IResult result, HttpFunction function, string correlationId)
    {
        try
        {
            await result.ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            logger.LogError(e, "{Function}: its answer could not be written", function.Name);
            context.Response.Clear();
            context.Response.Headers[CorrelationHeader] = correlationId;
            SecurityHeaders.Apply(context);
            await HttpResult.Problem(Problems.Internal(correlationId)).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A non-empty body is JSON (415 otherwise) within <see cref="JsonLimits"/> (400 malformed, 422 over a limit),
    /// unless the function reads another type itself (<see cref="AcceptsAttribute"/>). A route that takes no body
    /// still refuses a broken one: garbage is never silently ignored. An empty body is left to the function.
    /// </summary>
    private static void CheckBody(HttpFunction function, HttpRequest request, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || function.Accepts.Count > 0)
        {
            return;
        }

        if (!HttpRequestExtensions.IsJson(request.ContentType))
        {
            throw Problems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        if (JsonLimits.Check(body.Span) is { } problem)
        {
            throw problem;
        }
    }

    /// <summary>Reads the whole body, at most <paramref name="limit"/> bytes: 413 past it, without reading the rest.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.TooLarge(limit);
        }

        if (request.ContentLength == 0 || request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        // One array the size of the body: exact when the length is declared; grown by doubling from 1 KiB when
        // the body comes chunked (most bodies are small: a 16 KiB buffer per request was a fifth of all the
        // memory a submission allocated).
        var bytes = new byte[request.ContentLength is { } declared ? (int)declared : 1024];
        var length = 0;
        while (true)
        {
            if (length == bytes.Length)
            {
                if (request.ContentLength is not null)
                {
                    break; // all that was declared
                }

                Array.Resize(ref bytes, (int)Math.Min(limit + 1, bytes.Length * 2L));
            }

            var read = await request.Body.ReadAsync(bytes.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > limit)
            {
                throw Problems.TooLarge(limit);
            }
        }

        // The function may read the body itself too: give it the buffered bytes from the start.
        request.Body = new MemoryStream(bytes, 0, length, writable: false);
        return bytes.AsMemory(0, length);
    }

    /// <summary>
    /// The caller of <paramref name="function"/>. A 401 says only that the token is missing or invalid: why a
    /// token failed (IdentityModel's message names the key) is logged at Debug, never answered. Where the
    /// production issuer's keys cannot be fetched at all, a protected route answers 503
    /// <c>auth.issuer_unavailable</c> (the token may be good: the client should retry, not sign in again).
    /// </summary>
    private async Task<Caller?> AuthenticateAsync(HttpFunction function, HttpRequest request)
    {
        var access = function.Access;
        var header = request.Headers.Authorization;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0]))
        {
            return access.IsPublic ? null : throw Problems.TokenMissing();
        }

        var value = header.Count == 1 ? header[0]! : string.Empty;
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return access.IsPublic ? null : throw Problems.TokenInvalid();
        }

        var (caller, unavailable) = await authenticator.AuthenticateAsync(value["Bearer ".Length..].Trim(), request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            logger.LogDebug("{Function}: token refused", function.Name);
            return access.IsPublic ? null
                : unavailable ? throw new ProblemException(503, "auth.issuer_unavailable", "身份认证服务暂不可用，请稍后重试", "the token issuer's keys cannot be fetched now", extensions: new Dictionary<string, object?> { ["retryAfter"] = 30 })
                : throw Problems.TokenInvalid();
        }

        if (!access.IsPublic && access.Roles.Count > 0 && !access.Roles.Any(caller.IsInRole))
        {
            throw Problems.Forbidden($"this action needs one of the roles: {string.Join(", ", access.Roles)}");
        }

        return caller;
    }
}
