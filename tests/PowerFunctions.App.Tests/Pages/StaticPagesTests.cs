using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using PowerFunctions.App.Pages;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>How the app serves the pages over HTTP: types, caching, compression, the Content-Security-Policy, methods.</summary>
public sealed partial class StaticPagesTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/", "政务公开")]
    [InlineData("/supervision", "电子监察中心")]
    [InlineData("/supervision/", "电子监察中心")]
    public async Task Page_Get_HtmlWithStrictCspAndRevalidation(string path, string title)
    {
        var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(StaticPages.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", StaticPages.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", StaticPages.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains($"<title>{title}</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SameETag_304WithNoBody()
    {
        var first = await _app.Client.GetAsync("/");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await _app.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Assets_VersionedUrlsOfThePage_CachedForAYearWithTheirContentTypes()
    {
        var html = await _app.Client.GetStringAsync("/");
        var version = _app.Get<PageAssets>().Version;
        var urls = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains($"/assets/{version}/site.css", urls);
        Assert.Contains($"/assets/{version}/portal.js", urls);
        Assert.DoesNotContain(urls, u => !u.StartsWith($"/assets/{version}/", StringComparison.Ordinal));

        foreach (var (url, type) in new[] { ("site.css", "text/css"), ("portal.js", "text/javascript"), ("icon.svg", "image/svg+xml"), ("dom.js", "text/javascript") })
        {
            var response = await _app.Client.GetAsync($"/assets/{version}/{url}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(StaticPages.ImmutableCaching, response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("/assets/site.css")]
    [InlineData("/assets/0123456789ab/site.css")] // a page loaded before a deployment asks for its old version
    public async Task Assets_NotTheCurrentVersion_ServedButRevalidated(string path)
    {
        var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Assets_AcceptEncoding_CompressedToTheSameBytes(string encoding)
    {
        var plain = await _app.Client.GetByteArrayAsync("/assets/supervision.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/supervision.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await _app.Client.SendAsync(request);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} of {plain.Length} bytes");
        using var stream = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);
        Assert.Equal(plain, output.ToArray());
    }

    [Fact]
    public async Task Page_Head_HeadersWithoutBody()
    {
        var response = await _app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/supervision"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("DELETE", "/supervision")]
    [InlineData("PUT", "/assets/site.css")]
    public async Task Page_OtherMethod_405ProblemWithAllow(string method, string path)
    {
        var response = await _app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("/assets/nothing.js")]
    [InlineData("/assets/../appsettings.json")]
    [InlineData("/index.html")]
    [InlineData("/supervision/other")]
    public async Task Unknown_PagePath_FallsThroughToTheApi404(string path)
    {
        var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The CSP forbids inline script and style; the files keep to it (and build the DOM from text, never from HTML strings).</summary>
    [Fact]
    public void Files_NoInlineScriptStyleOrHtmlInjection()
    {
        var assets = _app.Get<PageAssets>();
        Assert.Contains("index.html", assets.Paths);
        Assert.Contains("supervision/index.html", assets.Paths);
        foreach (var path in assets.Paths)
        {
            var text = Encoding.UTF8.GetString(assets.Find(path)!.Bytes);
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch(InlineScript(), text);
                Assert.DoesNotMatch(@"<style|\sstyle=|\son[a-z]+=|javascript:", text);
                Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", text); // nothing from another origin
            }
            else if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\('style'", text);
                Assert.DoesNotMatch(@"https?://(?!www\.w3\.org/)", text);
            }
        }
    }

    [GeneratedRegex("(?:href|src)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetUrl();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
