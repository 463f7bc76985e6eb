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

    /// <summary>
    /// The body as an HTML form (<c>application/x-www-form-urlencoded</c>, UTF-8): the routes that take forms
    /// (Open311 GeoReport v2 <c>POST requests</c>) read it here instead of <see cref="ReadJson{T}"/>, so the JSON
    /// rule does not apply to them. 415 for another Content-Type; an empty body is an empty form. A field sent
    /// twice keeps its first value. Fields meet the JSON bodies' limits (<see cref="JsonLimits"/>: length per name,
    /// at most <see cref="JsonLimits.MaxProperties"/> fields): 422 <c>request.field_too_long</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadForm(this HttpRequest request)
    {
        if (!IsForm(request.ContentType))
        {
            throw Problems.UnsupportedMediaType(request.ContentType, FormContentType);
        }

        var text = System.Text.Encoding.UTF8.GetString(Feature(request).Body.Span);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text))
        {
            var value = values.Count > 0 ? values[0] ?? string.Empty : string.Empty;
            var limit = JsonLimits.StringLimits.GetValueOrDefault(name, JsonLimits.DefaultMaxString);
            if (form.Count >= JsonLimits.MaxProperties || name.Length > JsonLimits.DefaultMaxString || value.Length > limit)
            {
                var detail = form.Count >= JsonLimits.MaxProperties ? $"more than {JsonLimits.MaxProperties} fields" : $"over {limit} characters";
                throw new ProblemException(422, "request.field_too_long", "字段过长", $"{name}: {detail}", new Dictionary<string, string[]> { [name] = [detail] }, new Dictionary<string, object?> { ["field"] = name });
            }

            form.TryAdd(name, value);
        }

        return form;
    }

    /// <summary>The form media type.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>True for <c>application/x-www-form-urlencoded</c> (parameters such as charset allowed).</summary>
    public static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(FormContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The version an <c>If-Match</c> header asks for (<c>3</c>, <c>"3"</c> or <c>W/"3"</c>): null when absent or
    /// <c>*</c> (no check); -1 for anything else, which matches no version (412).
    /// </summary>
    public static long? IfMatchVersion(this HttpRequest request)
    {
        var header = request.Header("If-Match")?.Trim();
        if (string.IsNullOrEmpty(header) || header == "*")
        {
            return null;
        }

        var value = (header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header).Trim('"');
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : -1;
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
