using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>The supervision centre (<c>GET /supervision</c>) in a real Chromium against the real API, with the manual clock.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    [Trait("Source", "municipal 电子监察 rules (public)")]
    public async Task Board_DeadlinePasses_RedAlertAppearsOnItsOwnFiltersAndOpensTheCase()
    {
        var (caseNo, _) = await PageScenarios.AcceptedCaseAsync(fixture.App); // accepted 9/18: decision due 10/9
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.Clock.InstallAsync(); // the page's refresh timer, moved on by the test instead of waited for
        await page.GotoAsync("/supervision");

        await SignInAsync(page, fixture.App.Token("supervisor", "", "sup-1", "周监察"));
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("周监察（监察人员）");
        await Expect(page.Locator("#alerts-status")).ToContainTextAsync("共 0 条未处理预警，每 30 秒自动刷新");
        await Expect(page.Locator("#alerts-body")).ToContainTextAsync("没有符合条件的未处理预警");

        // The decision deadline passes (10/10): the admin routes move the clock and fire the due timers…
        await PageScenarios.MoveClockAndSweepAsync(fixture.App, new DateTimeOffset(2026, 10, 10, 8, 0, 0, China));
        // …and the board shows the red alert at its next refresh, with nobody clicking.
        await page.Clock.FastForwardAsync("00:31");
        var row = page.Locator("#alerts-body tr", new() { HasText = caseNo });
        await Expect(row).ToContainTextAsync("红牌");
        await Expect(row).ToContainTextAsync("作出决定时限");
        await Expect(row).ToContainTextAsync("市市场监督管理局");
        await Expect(row).ToContainTextAsync("2026-10-09");
        await Expect(page.Locator(".count.red .number")).Not.ToHaveTextAsync("0");

        // Filters: another department hides it; its department, kind and level show it.
        await page.GetByLabel("部门", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "市生态环境局" });
        await Expect(page.Locator("#alerts-body")).ToContainTextAsync("没有符合条件的未处理预警");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/alerts\\?department=D02$"));
        await page.GetByLabel("部门", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "市市场监督管理局" });
        await page.GetByLabel("预警类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "作出决定时限" });
        await page.GetByLabel("等级", new() { Exact = true }).SelectOptionAsync("red");
        await Expect(page.Locator("#alerts-body tr")).ToHaveCountAsync(1);
        await Expect(row).ToBeVisibleAsync();
        await probe.ScreenshotAsync("supervision-alerts");

        // One click to the case and its timeline.
        await row.GetByRole(AriaRole.Link, new() { Name = $"查看办件 {caseNo}" }).ClickAsync();
        var body = page.Locator("#case-body");
        await Expect(body.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"办件 {caseNo}" })).ToBeFocusedAsync();
        await Expect(body.Locator(".timeline li")).ToHaveCountAsync(2);
        await Expect(body.Locator(".timeline")).ToContainTextAsync("受理 — 李受理（受理人员）");
        await Expect(body.Locator("tr", new() { HasText = "作出决定" })).ToContainTextAsync("红牌（已超期）");
        var noticeId = await PageScenarios.DocumentIdAsync(fixture.App, caseNo, "acceptance-notice");
        var noticeLink = body.GetByRole(AriaRole.Link, new() { Name = "受理通知书" });
        await Expect(noticeLink).ToHaveAttributeAsync("href", $"/api/documents/{noticeId}");
        var download = await page.RunAndWaitForDownloadAsync(() => noticeLink.ClickAsync()); // fetched with the supervisor's token: the route is not public
        Assert.Equal($"{noticeId}.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(await download.PathAsync())[..5]), StringComparison.Ordinal);
        await probe.ScreenshotAsync("supervision-case");

        // Back keeps the filters.
        await page.GetByRole(AriaRole.Link, new() { Name = "← 返回预警看板" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/alerts\\?.*level=red"));
        await Expect(page.GetByLabel("等级", new() { Exact = true })).ToHaveValueAsync("red");
        await probe.AssertCleanAsync();
    }

    [Fact]
    public async Task RankingAndRectifications_FromTheirApis_ShowTheMonthAndTheList()
    {
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/supervision");
        await SignInAsync(page, fixture.App.Token("supervisor", "", "sup-1", "周监察"));
        await Expect(page.Locator("#alerts-status")).ToContainTextAsync("未处理预警");

        await page.GetByRole(AriaRole.Link, new() { Name = "部门排名" }).ClickAsync();
        var now = fixture.App.Get<TimeProvider>().GetUtcNow().ToOffset(China);
        var month = now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByLabel("统计期", new() { Exact = true })).ToHaveValueAsync(month); // the app's clock, not the browser's
        await Expect(page.Locator("#ranking-status")).ToContainTextAsync($"{month}-01 至 ");
        await probe.ScreenshotAsync("supervision-ranking");

        await page.GetByRole(AriaRole.Link, new() { Name = "整改督办" }).ClickAsync();
        await Expect(page.Locator("#rect-note")).ToContainTextAsync("没有符合条件的整改事项");
        await probe.AssertCleanAsync();
    }

    [Fact]
    public async Task SignIn_NotASupervisorOrNotAToken_RefusedWithTheReason()
    {
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/supervision#/alerts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "监察人员登录" })).ToBeVisibleAsync();

        await SignInAsync(page, "not-a-token");
        await Expect(page.Locator("#signin-status")).ToHaveTextAsync("这不是有效的访问令牌（应为三段以“.”分隔的 JWT）");

        probe.Expect("/api/supervision/alerts", 403);
        await SignInAsync(page, fixture.App.Token("acceptor", "", "acc-1", "李受理")); // staff without a department see no alerts
        await Expect(page.Locator("#signin-status")).ToHaveTextAsync("该令牌没有监察（supervisor）权限");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "预警看板" })).ToBeHiddenAsync();
        await probe.ScreenshotAsync("supervision-signin");
        await probe.AssertCleanAsync();
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.GetByLabel("访问令牌", new() { Exact = true }).FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
