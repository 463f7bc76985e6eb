using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerFunctions.App.Tests.Pages;

/// <summary>The public portal (<c>GET /</c>) in a real Chromium against the real API on the embedded store.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Catalog_SearchByNameKindAndDepartment_OpensTheGuideWithItsFlowchart()
    {
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("#catalog-results li")).ToHaveCountAsync(15); // the whole public sample catalog first (涉密 items left out)

        await page.GetByLabel("事项名称、编码或法律名称").FillAsync("食品");
        await page.GetByLabel("权力类别").SelectOptionAsync(new SelectOptionValue { Label = "行政许可" });
        await page.GetByLabel("实施部门").SelectOptionAsync(new SelectOptionValue { Label = "市市场监督管理局" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Expect(page.Locator("#catalog-status")).ToHaveTextAsync("共找到 1 项权力事项");
        await Expect(page.Locator("#catalog-results li")).ToHaveCountAsync(1);

        // Keyboard only: focus the result's link and press Enter.
        await page.GetByRole(AriaRole.Link, new() { Name = "食品经营许可" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "食品经营许可" });
        await Expect(title).ToBeVisibleAsync();
        await Expect(title).ToBeFocusedAsync(); // a screen reader hears the new view
        await Expect(page).ToHaveTitleAsync("食品经营许可 - 办事指南 - 政务公开");
        foreach (var (heading, text) in new[]
        {
            ("设定依据", "《中华人民共和国食品安全法》 第三十五条"),
            ("申请条件", "具有与经营的食品品种"),
            ("申请材料", "食品经营许可申请书"),
            ("收费标准", "本事项不收费"),
            ("办理时限", "承诺时限 10个工作日"),
            ("监督与投诉", "12345"),
        })
        {
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true })).ToContainTextAsync(text);
        }

        var flowchart = page.GetByRole(AriaRole.Img, new() { Name = "食品经营许可运行流程图" });
        await flowchart.ScrollIntoViewIfNeededAsync();
        await Expect(flowchart).ToHaveAttributeAsync("src", "/api/catalog/items/XK-D01-0002/flowchart.svg");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.flowchart img'); return i && i.complete && i.naturalWidth > 0; }");
        await probe.ScreenshotAsync("portal-guide");
        await probe.AssertCleanAsync();
    }

    [Fact]
    public async Task Progress_CaseNumberAndQueryCode_ShowsStepsAndDeadlinesMasked()
    {
        var (caseNo, queryCode) = await PageScenarios.AcceptedCaseAsync(fixture.App, "王小明");
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/#/progress");

        // A wrong query code is refused with a plain message.
        probe.Expect($"/api/cases/{caseNo}/progress", 404);
        await page.GetByLabel("办件编号").FillAsync(caseNo);
        await page.GetByLabel("查询码").FillAsync("WRONGCODE1");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("#progress-status")).ToHaveTextAsync("办件编号或查询码不正确，请核对后重试");

        await page.GetByLabel("查询码").FillAsync(queryCode);
        await page.GetByLabel("查询码").PressAsync("Enter");
        var result = page.Locator("#progress-result");
        await Expect(result).ToContainTextAsync("食品经营许可");
        await Expect(result).ToContainTextAsync("王*明"); // masked; never the full name, id number or phone
        await Expect(result).Not.ToContainTextAsync("王小明");
        await Expect(result).Not.ToContainTextAsync("13800000000");
        await Expect(result.Locator(".badge.state")).ToHaveTextAsync("已受理");
        await Expect(result.Locator(".timeline li")).ToHaveCountAsync(2);
        var decision = result.Locator("tr", new() { HasText = "作出决定" });
        await Expect(decision).ToContainTextAsync("2026-10-09");
        await Expect(decision).ToContainTextAsync("进行中");
        await probe.ScreenshotAsync("portal-progress");
        await probe.AssertCleanAsync();
    }

    [Fact]
    public async Task Verify_SealedPdfThenChangedCopy_ValidThenRefused()
    {
        var (caseNo, _) = await PageScenarios.AcceptedCaseAsync(fixture.App);
        var pdf = await PageScenarios.DocumentAsync(fixture.App, $"{caseNo}-acceptance-notice");
        var folder = Directory.CreateTempSubdirectory("pf-verify-").FullName;
        var original = Path.Combine(folder, "受理通知书.pdf");
        var changed = Path.Combine(folder, "受理通知书-改.pdf");
        await File.WriteAllBytesAsync(original, pdf);
        await File.WriteAllBytesAsync(changed, ChangeOneByte(pdf));
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/#/verify");

        await page.GetByLabel("选择 PDF 文件").SetInputFilesAsync(original);
        await page.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        var verdict = page.GetByRole(AriaRole.Alert);
        await Expect(verdict).ToContainTextAsync("✔ 文书有效，未被改动");
        await Expect(verdict).ToContainTextAsync("市市场监督管理局 于 2026/09/18 09:30 签章的受理通知书");
        await Expect(verdict).ToContainTextAsync(caseNo);
        await probe.ScreenshotAsync("portal-verify-valid");

        await page.GetByLabel("选择 PDF 文件").SetInputFilesAsync(changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Expect(verdict).ToContainTextAsync("✘ 文书已被改动，不能作为有效文书使用");
        await Expect(verdict).ToContainTextAsync("原文书由 市市场监督管理局 于 2026/09/18 09:30 签章");
        await probe.ScreenshotAsync("portal-verify-changed");
        await probe.AssertCleanAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Publicity_ApprovedCase_PostedWithTheApplicantMasked()
    {
        var (caseNo, _) = await PageScenarios.AcceptedCaseAsync(fixture.App, "李大春");
        await PageScenarios.ApproveAsync(fixture.App, caseNo);
        await using var probe = await fixture.OpenAsync();
        var page = probe.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "公示公告" }).ClickAsync();

        var row = page.Locator("#publicity-list tr", new() { HasText = caseNo });
        await Expect(row).ToContainTextAsync("李*春");
        await Expect(row).ToContainTextAsync("准予");
        await Expect(page.Locator("#publicity-list")).Not.ToContainTextAsync("李大春");
        await Expect(page.Locator("#results-list .status")).ToHaveTextAsync("暂无已公开的办理结果");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "公示公告" })).ToHaveAttributeAsync("aria-current", "page");
        await probe.ScreenshotAsync("portal-publicity");
        await probe.AssertCleanAsync();
    }

    [Fact]
    public async Task Portal_OnAPhone_NoSidewaysScrollingAndEveryControlLabelled()
    {
        await using var probe = await fixture.OpenAsync(width: 375, height: 740);
        var page = probe.Page;
        await page.GotoAsync("/#/item/XK-D01-0002");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "食品经营许可" })).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea')].filter(e => !e.labels || e.labels.length === 0).map(e => e.id || e.name)");
        Assert.Empty(unlabelled);
        await probe.ScreenshotAsync("portal-phone");
        await probe.AssertCleanAsync();
    }

    /// <summary>The same file with one byte of its first content stream changed (its /Info, and so its document id, kept).</summary>
    private static byte[] ChangeOneByte(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var stream = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("stream\n", StringComparison.Ordinal);
        Assert.True(stream > 0, "no content stream in the PDF");
        copy[stream + 20] ^= 0x01;
        return copy;
    }
}
