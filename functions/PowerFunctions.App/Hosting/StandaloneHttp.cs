using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PowerFunctions.App.Config;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>Standalone mode: every HTTP function becomes an ASP.NET route under <c>/api</c>, run through the same <see cref="HttpPipeline"/>.</summary>
public static class StandaloneHttp
{
    public const string RoutePrefix = "api";

    public static void MapFunctionRoutes(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.Http)
        {
            app.MapMethods($"/{RoutePrefix}/{function.Route}", function.Methods, (HttpContext context) => ServeAsync(context, function))
                .WithName(function.Name);
        }

        // A known path with another method answers 405 with Allow; unknown routes under /api (and anywhere
        // else) answer 404; both problem+json, never an empty answer.
        var routes = catalog.Http
            .Select(f => (Matcher: new TemplateMatcher(TemplateParser.Parse($"{RoutePrefix}/{f.Route}"), new RouteValueDictionary()), f.Methods))
            .ToList();
        var invocations = app.Services.GetRequiredService<HostingMode>().IsCustomHandler
            ? catalog.All.Select(f => "/" + f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        app.MapFallback("{*path}", (HttpContext context) =>
        {
            var path = context.Request.Path;
            var allowed = routes.Where(r => r.Matcher.TryMatch(path, new RouteValueDictionary())).SelectMany(r => r.Methods).ToList();
            if (invocations.Contains(path.Value ?? string.Empty))
            {
                allowed.Add("POST");
            }

            if (allowed.Count > 0)
            {
                var allow = string.Join(", ", allowed.Distinct(StringComparer.OrdinalIgnoreCase));
                return WriteAsync(context, HttpResult.Problem(Problems.MethodNotAllowed(context.Request.Method, path)).WithHeader("Allow", allow));
            }

            return WriteAsync(context, HttpResult.Problem(Problems.RouteNotFound(path)));
        });
    }

    private static async Task ServeAsync(HttpContext context, HttpFunction function)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var correlationId = HttpPipeline.CorrelationIdFrom(headers);
        var limit = context.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.MaxBodyBytes;
        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, limit, context.RequestAborted);
        }
        catch (ProblemException problem)
        {
            await WriteAsync(context, HttpResult.Problem(problem).WithHeader(HttpPipeline.CorrelationHeader, correlationId));
            return;
        }

        var call = new HttpCall
        {
            FunctionName = function.Name,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            RouteValues = request.RouteValues.ToDictionary(r => r.Key, r => Convert.ToString(r.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            Headers = headers,
            Body = body,
            CorrelationId = correlationId,
        };
        var pipeline = context.RequestServices.GetRequiredService<HttpPipeline>();
        var result = await pipeline.InvokeAsync(function, call, context.RequestAborted);
        await WriteAsync(context, result);
    }

    /// <summary>Reads the body up to <paramref name="limit"/> bytes; 413 past it, without reading the rest.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw Problems.TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw Problems.TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, HttpResult result)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = new StringValues(value);
        }

        if (result.ContentType is not null)
        {
            response.ContentType = result.ContentType;
        }

        if (result.Body.Length > 0)
        {
            response.ContentLength = result.Body.Length;
            await response.Body.WriteAsync(result.Body, context.RequestAborted);
        }
    }
}
