using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>
/// A page under test that records every console error, uncaught exception, failed request and HTTP error
/// answer. <see cref="AssertCleanAsync"/> fails on any of them except answers the test said it expects
/// (<see cref="Expect"/>: e.g. a 404 from an API that does not exist yet, or a wrong query code on purpose).
/// </summary>
public sealed class PageProbe : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<(string Url, string What)> _problems = new();
    private readonly List<(string UrlPart, int Status)> _expected = [];

    public PageProbe(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "assert")
            {
                _problems.Enqueue((message.Location, $"console {message.Type}: {message.Text}"));
            }
        };
        page.PageError += (_, error) => _problems.Enqueue((page.Url, $"uncaught: {error}"));
        page.RequestFailed += (_, request) => _problems.Enqueue((request.Url, $"request failed: {request.Method} {request.Failure}"));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue((response.Url, $"HTTP {response.Status} {response.Request.Method}"));
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    /// <summary>Says that an answer with <paramref name="status"/> from a URL containing <paramref name="urlPart"/> is part of the test.</summary>
    public void Expect(string urlPart, int status) => _expected.Add((urlPart, status));

    /// <summary>Saves a full-page screenshot as <c>artifacts/pages/{name}.png</c> under the test output folder.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public Task AssertCleanAsync()
    {
        var unexpected = _problems.Where(p => !IsExpected(p)).Select(p => $"{p.What} ({p.Url})").ToList();
        Assert.True(unexpected.Count == 0, "the page had errors:\n" + string.Join("\n", unexpected));
        return Task.CompletedTask;
    }

    /// <summary>An expected answer, or Chromium's console line about that same answer.</summary>
    private bool IsExpected((string Url, string What) problem) => _expected.Any(e =>
        problem.Url.Contains(e.UrlPart, StringComparison.Ordinal)
        && (problem.What == $"HTTP {e.Status} GET" || problem.What == $"HTTP {e.Status} POST"
            || problem.What.Contains($"status of {e.Status}", StringComparison.Ordinal)));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
