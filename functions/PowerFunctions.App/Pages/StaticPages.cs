using Microsoft.Extensions.Primitives;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Pages;

/// <summary>
/// Serves the web pages from the app: <c>GET /</c> the public portal, <c>GET /supervision</c> the supervision
/// centre, <c>GET /assets/{version}/{file}</c> their CSS, modules and icon. The whole serving glue is this
/// class and <see cref="PageAssets"/>: register with <see cref="AddStaticPages"/> and
/// <see cref="UseStaticPages"/> on any ASP.NET Core host. Other paths fall through to the app.
/// <list type="bullet">
/// <item>HTML: <c>Cache-Control: no-cache</c> with a strong ETag (a revalidation answers 304), and the strict
/// <see cref="ContentSecurityPolicy"/>: scripts, styles, images and API calls from this origin only, no inline
/// script or style, no framing.</item>
/// <item>Assets under the current version: cached a year, <c>immutable</c>. The same file under another
/// version (a page loaded before a deployment) or with no version: served with <c>no-cache</c>.</item>
/// <item>Brotli or gzip when the client accepts it (compressed once at start), <c>Vary: Accept-Encoding</c>;
/// <c>HEAD</c> answered; any other method 405 problem+json with <c>Allow</c>.</item>
/// </list>
/// </summary>
public static class StaticPages
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    public const string Revalidate = "no-cache";

    private const string AssetsPrefix = "/assets/";

    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/supervision"] = "supervision/index.html",
        ["/supervision/"] = "supervision/index.html",
    };

    public static IServiceCollection AddStaticPages(this IServiceCollection services) => services.AddSingleton<PageAssets>();

    /// <summary>Adds the middleware; call before the endpoints are run (any place in a minimal-API app).</summary>
    public static IApplicationBuilder UseStaticPages(this IApplicationBuilder app)
    {
        var assets = app.ApplicationServices.GetRequiredService<PageAssets>();
        return app.Use((context, next) => ServeAsync(context, assets, next));
    }

    private static Task ServeAsync(HttpContext context, PageAssets assets, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        var (asset, immutable) = Resolve(assets, path);
        if (asset is null)
        {
            return next();
        }

        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return WriteProblemAsync(context, Problems.MethodNotAllowed(method, path));
        }

        return WriteAsync(context, asset, immutable);
    }

    /// <summary>The file a path names and whether it is the current version's (cached for good).</summary>
    private static (PageAsset? Asset, bool Immutable) Resolve(PageAssets assets, string path)
    {
        if (Pages.TryGetValue(path, out var page))
        {
            return (assets.Find(page), false);
        }

        if (!path.StartsWith(AssetsPrefix, StringComparison.Ordinal))
        {
            return (null, false);
        }

        var rest = path[AssetsPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && assets.Find("assets/" + rest[(slash + 1)..]) is { } versioned)
        {
            return (versioned, string.Equals(rest[..slash], assets.Version, StringComparison.Ordinal));
        }

        return (assets.Find("assets/" + rest), false);
    }

    private static async Task WriteAsync(HttpContext context, PageAsset asset, bool immutable)
    {
        var (encoding, body) = Choose(context.Request.Headers.AcceptEncoding, asset);
        var etag = encoding is null ? asset.ETag : asset.ETag[..^1] + "-" + encoding + "\"";
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = etag;
        headers.CacheControl = immutable ? ImmutableCaching : Revalidate;
        headers.Vary = "Accept-Encoding";
        SecurityHeaders.Apply(context, ContentSecurityPolicy); // every file: the pages' strict CSP, no framing, no sniffing
        headers["Referrer-Policy"] = "same-origin";

        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Brotli, else gzip, when the client accepts it (q above 0) and the copy exists; else identity.</summary>
    private static (string? Encoding, byte[] Body) Choose(StringValues acceptEncoding, PageAsset asset)
    {
        var accepted = acceptEncoding.SelectMany(v => (v ?? string.Empty).Split(','))
            .Select(part => part.Split(';', StringSplitOptions.TrimEntries))
            .Where(p => !p.Skip(1).Any(q => q.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"))
            .Select(p => p[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (asset.Brotli is { } br && accepted.Contains("br"))
        {
            return ("br", br);
        }

        if (asset.Gzip is { } gzip && accepted.Contains("gzip"))
        {
            return ("gzip", gzip);
        }

        return (null, asset.Bytes);
    }

    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? string.Empty).Split(','))
            .Select(t => t.Trim())
            .Any(t => t == "*" || string.Equals(t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t, etag, StringComparison.Ordinal));

    private static async Task WriteProblemAsync(HttpContext context, ProblemException problem)
    {
        var result = HttpResult.Problem(problem);
        context.Response.StatusCode = result.StatusCode;
        context.Response.Headers.Allow = "GET, HEAD";
        context.Response.ContentType = result.ContentType;
        context.Response.ContentLength = result.Body.Length;
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }
}
