using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace PowerFunctions.App.Http;

/// <summary>
/// A function's HTTP answer: status, headers and body bytes. An ASP.NET Core <see cref="IResult"/>, so both
/// hosts write it the same way (standalone through the request pipeline, the Functions host's ASP.NET Core
/// integration likewise).
/// </summary>
public sealed record HttpResult(int StatusCode, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers) : IResult
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static HttpResult Json(int statusCode, object body) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonDefaults.Options), "application/json; charset=utf-8", NoHeaders);

    public static HttpResult Ok(object body) => Json(200, body);

    public static HttpResult Created(object body, string? location = null)
    {
        var result = Json(201, body);
        return location is null ? result : result.WithHeader("Location", location);
    }

    public static HttpResult Accepted(object body) => Json(202, body);

    public static HttpResult NoContent() => new(204, [], null, NoHeaders);

    public static HttpResult Bytes(byte[] body, string contentType) => new(200, body, contentType, NoHeaders);

    public static HttpResult Text(int statusCode, string body, string contentType) =>
        new(statusCode, System.Text.Encoding.UTF8.GetBytes(body), contentType, NoHeaders);

    /// <summary>The problem+json answer; a problem with a <c>retryAfter</c> extension (seconds) also gets the <c>Retry-After</c> header.</summary>
    public static HttpResult Problem(ProblemException problem)
    {
        var result = new HttpResult(problem.Status, JsonSerializer.SerializeToUtf8Bytes(Problems.Body(problem), JsonDefaults.Options), Problems.ContentType, NoHeaders);
        return problem.Extensions?.GetValueOrDefault("retryAfter") is int seconds and >= 0
            ? result.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : result;
    }

    public HttpResult WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return this with { Headers = headers };
    }

    /// <summary>Writes status, headers and body to the response.</summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = new StringValues(value);
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (Body.Length > 0)
        {
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
