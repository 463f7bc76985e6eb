namespace PowerFunctions.App.Hosting;

/// <summary>
/// The headers every answer carries, set before the answer is written (a function's own header of the same name
/// wins): <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>, <c>X-Frame-Options: DENY</c> and a
/// CSP that lets an API answer load and frame nothing (the pages send their own, <see cref="Pages.StaticPages.ContentSecurityPolicy"/>);
/// <c>Strict-Transport-Security</c> on https; <c>Cache-Control: no-store</c> on every answer to a caller who sent a
/// token, so no shared or browser cache keeps personal data.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>The headers of every answer; <paramref name="contentSecurityPolicy"/> null leaves the CSP to the caller.</summary>
    public static void Apply(HttpContext context, string? contentSecurityPolicy = ApiContentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (contentSecurityPolicy is not null)
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }

        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            headers.CacheControl = "no-store";
        }
    }
}
