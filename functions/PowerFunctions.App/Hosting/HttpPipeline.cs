using System.Diagnostics;
using Azure;
using Microsoft.Extensions.Options;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// What every HTTP call goes through, whichever host delivered it: correlation id and log scope,
/// body limit, authentication and role check, the handler, and the mapping of every failure to
/// problem+json. Nothing here knows which host is running.
/// </summary>
public sealed class HttpPipeline(TokenService tokens, IOptions<HttpOptions> httpOptions, ILogger<HttpPipeline> logger, Telemetry telemetry)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public async Task<HttpResult> InvokeAsync(HttpFunction function, HttpCall call, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Source.StartActivity(function.Name, ActivityKind.Server);
        activity?.SetTag("http.request.method", call.Method);
        activity?.SetTag("url.path", call.Path);
        activity?.SetTag("correlation.id", call.CorrelationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = call.CorrelationId, ["Function"] = function.Name });
        var started = Stopwatch.GetTimestamp();
        HttpResult result;
        try
        {
            if (call.Body.Length > httpOptions.Value.MaxBodyBytes)
            {
                throw Problems.TooLarge(httpOptions.Value.MaxBodyBytes);
            }

            call.Caller = await AuthenticateAsync(function.Access, call).ConfigureAwait(false);
            result = await function.Handler(call, cancellationToken).ConfigureAwait(false);
        }
        catch (ProblemException problem)
        {
            result = HttpResult.Problem(problem);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            result = HttpResult.Problem(Problems.PreconditionFailed(e.Message));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = HttpResult.Problem(new ProblemException(499, "request.cancelled", "请求已取消"));
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Function} failed", function.Name);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            result = HttpResult.Problem(Problems.Internal(call.CorrelationId));
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        activity?.SetTag("http.response.status_code", result.StatusCode);
        telemetry.HttpAnswered(function.Name, call.Method, result.StatusCode, elapsed);
        logger.LogInformation("{Method} {Path} -> {Status} in {Elapsed:0.0} ms", call.Method, call.Path, result.StatusCode, elapsed);
        return result.WithHeader(CorrelationHeader, call.CorrelationId);
    }

    /// <summary>A correlation id from the caller's header, or a new one.</summary>
    public static string CorrelationIdFrom(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue(CorrelationHeader, out var given) && given.Length is > 0 and <= 128 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return given;
        }

        return Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
    }

    private async Task<Caller?> AuthenticateAsync(Access access, HttpCall call)
    {
        var header = call.Header("Authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            return access.IsPublic ? null : throw Problems.Unauthorized("the Authorization header with a Bearer token is missing");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return access.IsPublic ? null : throw Problems.Unauthorized("the Authorization header must be 'Bearer <token>'");
        }

        var (caller, error) = await tokens.ValidateAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (caller is null)
        {
            return access.IsPublic ? null : throw Problems.Unauthorized(error ?? "the token is not valid");
        }

        if (!access.IsPublic && access.Roles.Count > 0 && !access.Roles.Any(caller.IsInRole))
        {
            throw Problems.Forbidden($"this action needs one of the roles: {string.Join(", ", access.Roles)}");
        }

        return caller;
    }
}
