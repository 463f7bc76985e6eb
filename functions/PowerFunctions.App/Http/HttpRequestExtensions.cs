using System.Text.Json;
using Microsoft.Net.Http.Headers;
using PowerFunctions.App.Auth;

namespace PowerFunctions.App.Http;

/// <summary>
/// What an HTTP function reads from its <see cref="HttpRequest"/>, on either host: the caller, the JSON body
/// (buffered by the pipeline), query values, headers, the idempotency key. Route values arrive as the
/// function's own parameters.
/// </summary>
public static class HttpRequestExtensions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The authenticated caller, or null on a public route called without a token.</summary>
    public static Caller? Caller(this HttpRequest request) => Feature(request).Caller;

    /// <summary>The caller; only null on public routes, so a function of a protected route can rely on it.</summary>
    public static Caller RequireCaller(this HttpRequest request) =>
        Feature(request).Caller ?? throw Problems.Unauthorized("this action needs a signed-in caller");

    /// <summary>The correlation id of this call (also on the answer's <c>X-Correlation-Id</c>).</summary>
    public static string CorrelationId(this HttpRequest request) => Feature(request).CorrelationId;

    /// <summary>The request body as the pipeline buffered it (at most <c>Http:MaxBodyBytes</c>).</summary>
    public static ReadOnlyMemory<byte> BodyBytes(this HttpRequest request) => Feature(request).Body;

    /// <summary>
    /// The body as <typeparamref name="T"/>: 400 for a missing body or malformed JSON, 415 unless the
    /// Content-Type is <c>application/json</c> or a <c>+json</c> type.
    /// </summary>
    public static T ReadJson<T>(this HttpRequest request)
        where T : class
    {
        var body = Feature(request).Body;
        if (body.IsEmpty)
        {
            throw Problems.BodyRequired();
        }

        if (!IsJson(request.ContentType))
        {
            throw Problems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body.Span, JsonDefaults.Options) ?? throw Problems.BodyRequired();
        }
        catch (JsonException e)
        {
            throw Problems.MalformedJson(e.Message);
        }
        catch (NotSupportedException e)
        {
            throw Problems.MalformedJson(e.Message);
        }
    }

    /// <summary>The first value of a query parameter, or null.</summary>
    public static string? QueryValue(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A header's value (several of one name joined by commas), or null.</summary>
    public static string? Header(this HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>
    /// The <c>Idempotency-Key</c> header, or null when absent. Sent twice (or as a list: a proxy joins
    /// repeated headers with commas) it names no single key: 400 <c>request.idempotency_key_invalid</c>.
    /// </summary>
    public static string? IdempotencyKey(this HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || values[0]!.Contains(',', StringComparison.Ordinal))
        {
            throw new ProblemException(400, "request.idempotency_key_invalid", "幂等键无效", "send exactly one Idempotency-Key header with one key (no commas)");
        }

        return values[0];
    }

    /// <summary>True for <c>application/json</c> and any <c>application/*+json</c> (parameters such as charset allowed).</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static FunctionRequestFeature Feature(HttpRequest request) =>
        request.HttpContext.Features.Get<FunctionRequestFeature>()
        ?? throw new InvalidOperationException("the request did not come through the function pipeline (HttpPipeline)");
}
