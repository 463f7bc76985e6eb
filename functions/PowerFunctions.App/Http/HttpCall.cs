using System.Text.Json;
using PowerFunctions.App.Auth;

namespace PowerFunctions.App.Http;

/// <summary>
/// An HTTP request as a function sees it, whichever host delivered it (Kestrel standalone, or the
/// custom-handler envelope's <c>Data.req</c>). Immutable but for <see cref="Caller"/>, set once by the pipeline.
/// </summary>
public sealed class HttpCall
{
    public required string FunctionName { get; init; }

    public required string Method { get; init; }

    /// <summary>The request path, e.g. <c>/api/cases/X/progress</c>.</summary>
    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> RouteValues { get; init; }

    /// <summary>Query parameters (first value of each), names case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>Headers (values of one name joined by commas), names case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The authenticated caller, or null on a public route called without a token.</summary>
    public Caller? Caller { get; internal set; }

    /// <summary>The caller; only null on public routes, so a handler of a protected route can rely on it.</summary>
    public Caller RequireCaller() => Caller ?? throw Problems.Unauthorized("this action needs a signed-in caller");

    /// <summary>A route value; routes declare theirs, so a missing one is a bug.</summary>
    public string Route(string name) =>
        RouteValues.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"route has no value '{name}'");

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as <typeparamref name="T"/>: 400 for a missing body or malformed JSON.</summary>
    public T ReadJson<T>()
        where T : class
    {
        if (Body.IsEmpty)
        {
            throw Problems.BodyRequired();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Body.Span, JsonDefaults.Options) ?? throw Problems.BodyRequired();
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
}
