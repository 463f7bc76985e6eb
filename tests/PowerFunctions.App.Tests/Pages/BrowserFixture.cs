using Microsoft.Playwright;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>
/// One Debian Chromium (driven by Playwright, no browser download) and one app on a free loopback port with
/// the manual clock, per test class. Each test opens its own browser context (fresh storage, own clock).
/// Chromium comes from <c>apt-get install chromium</c> (<c>tests/prerequisites.sh</c>); <c>CHROMIUM_PATH</c>
/// may point elsewhere. Playwright's <c>launch</c> gives the browser a new temporary profile
/// (<c>--user-data-dir</c>) every time and removes it on close.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("the fixture is not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the fixture is not started");

    /// <summary>Where the screenshots of the pages go: <c>artifacts/pages</c> under the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "pages");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: run tests/prerequisites.sh (apt-get install chromium) or set CHROMIUM_PATH.");
        }

        Directory.CreateDirectory(ArtifactsFolder);
        Assertions.SetDefaultExpectTimeout(20_000); // a loaded 2-core machine; passing checks return at once
        var starting = TestApp.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        _app = await starting;
    }

    /// <summary>A new context and page on the app, watched for console errors and failed requests.</summary>
    public async Task<PageProbe> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return new PageProbe(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
