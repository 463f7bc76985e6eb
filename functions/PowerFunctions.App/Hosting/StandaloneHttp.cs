using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Template;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Standalone mode's HTTP surface: every HTTP function becomes an ASP.NET Core route under <c>/api</c> (the
/// Functions default route prefix) with its methods — a <c>.well-known/</c> one also at the root —, run through <see cref="HttpPipeline"/>. A known path
/// with another method answers 405 with <c>Allow</c>, any other path 404; every unhandled error anywhere
/// answers problem+json 500 (never the Development exception page); every answer carries
/// <c>X-Correlation-Id</c>.
/// </summary>
public static class StandaloneHttp
{
    public const string RoutePrefix = "api";

    public static void MapFunctions(this WebApplication app)
    {
        var index = app.Services.GetRequiredService<FunctionIndex>();
        var pipeline = app.Services.GetRequiredService<HttpPipeline>();
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StandaloneHttp));

        // Outermost: whatever throws past the pipeline (routing, a fallback) is a problem+json 500 without
        // internals; the framework's Development exception page never sees an exception.
        app.Use(async (context, next) =>
        {
            var correlationId = HttpPipeline.CorrelationIdOf(context);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                logger.LogError(e, "{Method} {Path} failed outside any function", context.Request.Method, context.Request.Path.Value);
                context.Response.Clear();
                await HttpPipeline.WriteProblemAsync(context, Problems.Internal(correlationId)).ConfigureAwait(false);
            }
        });

        foreach (var function in index.Http)
        {
            app.MapMethods($"/{RoutePrefix}/{function.Route}", function.Methods, context => ServeAsync(context, function, pipeline, invoker))
                .WithName(function.Name);
            if (IsWellKnown(function))
            {
                app.MapMethods($"/{function.Route}", function.Methods, context => ServeAsync(context, function, pipeline, invoker));
            }
        }

        var routes = index.Http.Select(f => (Matcher: RouteMatcher.Create($"{RoutePrefix}/{f.Route}"), f.Methods))
            .Concat(index.Http.Where(IsWellKnown).Select(f => (Matcher: RouteMatcher.Create(f.Route), f.Methods)))
            .ToList();
        app.MapFallback("{*path}", (HttpContext context) =>
        {
            var path = context.Request.Path;
            var allowed = routes.Where(r => r.Matcher(path)).SelectMany(r => r.Methods).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return allowed.Count > 0
                ? HttpPipeline.WriteProblemAsync(context, Problems.MethodNotAllowed(context.Request.Method, path), string.Join(", ", allowed))
                : HttpPipeline.WriteProblemAsync(context, Problems.RouteNotFound(path));
        });
    }

    /// <summary>
    /// A function under <c>.well-known/</c> (RFC 8615: such documents live at the site's root) is also served at
    /// <c>/{route}</c>, standalone. The Functions host puts one route prefix before every function, so there it is
    /// at <c>/api/{route}</c> only (a front door may rewrite the root path to it).
    /// </summary>
    public static bool IsWellKnown(HttpFunction function) => function.Route.StartsWith(".well-known/", StringComparison.Ordinal);

    private static Task ServeAsync(HttpContext context, HttpFunction function, HttpPipeline pipeline, FunctionInvoker invoker) =>
        pipeline.InvokeAsync(context, function, () => invoker.InvokeHttpAsync(function, context));

    /// <summary>Whether a path matches a route template, its <c>regex(...)</c> constraints included.</summary>
    private static class RouteMatcher
    {
        public static Func<PathString, bool> Create(string template)
        {
            var parsed = TemplateParser.Parse(template);
            var matcher = new TemplateMatcher(parsed, new RouteValueDictionary());
            var constraints = parsed.Parameters
                .SelectMany(p => p.InlineConstraints.Select(c => (p.Name, c.Constraint)))
                .Where(c => c.Constraint.StartsWith("regex(", StringComparison.Ordinal) && c.Constraint.EndsWith(')'))
                .Select(c => (c.Name!, Pattern: new Regex(c.Constraint[6..^1], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
                .ToList();
            return path =>
            {
                var values = new RouteValueDictionary();
                return matcher.TryMatch(path, values)
                    && constraints.All(c => values.TryGetValue(c.Item1, out var v) && c.Pattern.IsMatch(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            };
        }
    }
}
