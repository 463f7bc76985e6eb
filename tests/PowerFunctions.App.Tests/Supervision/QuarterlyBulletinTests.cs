using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Features.Supervision.Reports;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.App.Tests.Documents;
using PowerFunctions.Domain.Supervision.Reports;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>
/// The quarterly 通报 (季通报): closing a quarter through the period-close timer files a sealed
/// <see cref="DocumentType.SupervisionBulletin"/> with the ranking table and the score chart, read back with PdfPig.
/// </summary>
public sealed class QuarterlyBulletinTests
{
    [Fact]
    [Trait("Source", ReportPeriod.Source)]
    public async Task PeriodClose_AfterQuarterEnd_FilesSealedBulletinWithRankingOnce()
    {
        await using var app = await CaseApp.StartWithSampleCatalogAsync();
        await app.SetClockAsync(9, 28);
        var response = await app.SubmitAsync(CaseApp.SampleApplication("XK-D01-0002", "张小测", "M01", "M02", "M03", "M04"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseNo = (await CaseApp.Json(response)).GetProperty("caseNo").GetString()!;
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "材料齐全", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });

        var store = app.App.Get<DocumentStore>();
        var id = app.App.Get<DocumentIds>().PublicId(QuarterlyBulletin.DocumentId("2026-Q3"));
        await app.SetClockAsync(9, 30, 23);
        await app.App.RunTimerAsync("SupervisionPeriodClose");
        Assert.Null(await store.FindAsync(id, CancellationToken.None));

        await app.SetClockAsync(10, 1, 1);
        await app.App.RunTimerAsync("SupervisionPeriodClose");
        var record = await store.FindAsync(id, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(DocumentType.SupervisionBulletin, record.Type);
        var text = string.Join('\n', PdfReadBack.Read((await store.DownloadAsync(record.BlobName, CancellationToken.None))!).Lines);
        Assert.Contains("行政权力运行电子监察情况通报", text, StringComparison.Ordinal);
        Assert.Contains("2026年第三季度", text, StringComparison.Ordinal);
        Assert.Contains("2026年7月1日至2026年9月30日", text, StringComparison.Ordinal);
        Assert.Contains("各部门行政权力运行情况及排名", text, StringComparison.Ordinal);
        Assert.Contains("名次", text, StringComparison.Ordinal);
        Assert.Contains("各部门综合得分", text, StringComparison.Ordinal);

        var report = JsonDocument.Parse(await app.Supervisor.GetStringAsync("/api/supervision/reports/2026-Q3")).RootElement;
        var d01 = report.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "D01");
        Assert.Equal(1, d01.GetProperty("decided").GetInt64());
        Assert.Contains(d01.GetProperty("name").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("办结1件，其中按期办结1件（按期办结率100.0%）", text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // a paragraph wraps over lines

        await app.SetClockAsync(10, 2, 1);
        await app.App.RunTimerAsync("SupervisionPeriodClose");
        var again = await store.FindAsync(id, CancellationToken.None);
        Assert.Equal(record.Sha256, again!.Sha256);
        Assert.Equal(record.SealedAt, again.SealedAt);
    }
}
