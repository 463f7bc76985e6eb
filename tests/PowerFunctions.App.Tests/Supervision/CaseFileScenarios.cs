using System.IO.Compression;
using System.Net;
using System.Text.Json;
using PowerFunctions.App.Features.Supervision.CaseFiles;
using PowerFunctions.App.PersonalData;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.Domain.Supervision.CaseFiles;
using PowerFunctions.Storage;
using UglyToad.PdfPig;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>
/// The case file (行权案卷) over real HTTP on the store the subclass starts, with the real document issuer (rendered,
/// sealed, stored PDFs): <c>GET /api/cases/{caseNo}/file</c> unzipped and checked against its own manifest, its PDFs
/// opened by an independent parser, who may read it; and the quarterly archive written once by its timer.
/// </summary>
public abstract class CaseFileScenarios
{
    private const string Item = "XK-D01-0002";

    protected abstract Task<CaseApp> StartAppAsync();

    [Fact]
    [Trait("Source", CaseFileManifests.Source)]
    public async Task CaseFile_DecidedCase_EveryEntryMatchesManifestAndPdfsOpen()
    {
        await using var app = await StartAppAsync();
        await app.SetClockAsync(9, 7);
        var caseNo = await DecidedCaseAsync(app);

        var response = await app.Supervisor.GetAsync($"/api/cases/{caseNo}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());

        var manifest = CaseFileManifests.FromJson(files[CaseFileManifests.ManifestPath])!;
        Assert.Equal(caseNo, manifest.CaseNo);
        Assert.Equal("D01", manifest.Department);
        Assert.Empty(CaseFileManifests.Verify(manifest, files));
        Assert.True(manifest.ChainValid);

        var view = await app.CaseAsync(caseNo, app.Supervisor);
        var caseJson = JsonDocument.Parse(files[CaseFileManifests.CasePath]).RootElement;
        var events = caseJson.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(view.GetProperty("events").GetArrayLength(), events.Count);
        Assert.Equal(manifest.Events, events.Count);
        Assert.Equal(manifest.LastHash, events[^1].GetProperty("hash").GetString());
        Assert.Contains(events, e => e.GetProperty("data").GetString()!.Contains("张小测", StringComparison.Ordinal)); // decrypted as the view reads it

        var chain = JsonDocument.Parse(files[CaseFileManifests.ChainPath]).RootElement;
        var verify = await app.Supervisor.GetStringAsync($"/api/cases/{caseNo}/audit/verify");
        Assert.Equal(JsonDocument.Parse(verify).RootElement.GetRawText(), chain.GetRawText());
        Assert.True(chain.GetProperty("valid").GetBoolean());

        var documentIds = view.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        Assert.True(documentIds.Count >= 2, "acceptance notice and decision");
        foreach (var id in documentIds)
        {
            using var pdf = PdfDocument.Open(files[CaseFileManifests.DocumentPath(id)]);
            Assert.True(pdf.NumberOfPages >= 1);
            var seal = JsonDocument.Parse(files[CaseFileManifests.SealPath(id)]).RootElement;
            Assert.Equal(id, seal.GetProperty("signature").GetProperty("documentId").GetString());
        }

        Assert.Equal(2 + (2 * documentIds.Count), manifest.Entries.Count);
        var reads = await app.App.Get<PersonalDataAudit>().ListAsync(new DateOnly(2026, 9, 7), CancellationToken.None);
        Assert.Contains(reads, r => r.RecordId == caseNo && r.Route.EndsWith("/file", StringComparison.Ordinal) && r.ReaderRoles == "supervisor");
    }

    [Fact]
    public async Task CaseFile_WrongCallerOrUnknownCase_401_403_404()
    {
        await using var app = await StartAppAsync();
        await app.SetClockAsync(9, 7);
        var caseNo = await SubmitAsync(app);
        var audit = app.App.Get<PersonalDataAudit>();
        var before = (await audit.ListAsync(new DateOnly(2026, 9, 7), CancellationToken.None)).Count;

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync($"/api/cases/{caseNo}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.OtherAcceptor.GetAsync($"/api/cases/{caseNo}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Admin.GetAsync($"/api/cases/{caseNo}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Citizen.GetAsync($"/api/cases/{caseNo}/file")).StatusCode);
        var missing = await app.Supervisor.GetAsync("/api/cases/D01-20260907-999999/file");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await audit.ListAsync(new DateOnly(2026, 9, 7), CancellationToken.None)).Count);

        Assert.Equal(HttpStatusCode.OK, (await app.Acceptor.GetAsync($"/api/cases/{caseNo}/file")).StatusCode);
    }

    [Fact]
    [Trait("Source", CaseFileArchives.Source)]
    public async Task QuarterlyArchive_AfterQuarterEnd_WrittenOnceWithEveryClosedCase()
    {
        await using var app = await StartAppAsync();
        await app.SetClockAsync(9, 28);
        var refused = await SubmitAsync(app);
        await app.OkAsync(app.Acceptor, refused, "refuse", new { reason = "不属于本机关职权范围" });
        var open = await SubmitAsync(app);

        await app.SetClockAsync(9, 30, 23);
        await app.App.RunTimerAsync("SupervisionCaseFileArchive");
        Assert.Equal("[]", await app.Supervisor.GetStringAsync("/api/supervision/case-files?quarter=2026-Q3"));

        await app.SetClockAsync(10, 1, 0);
        await app.App.RunTimerAsync("SupervisionCaseFileArchive");
        var container = app.App.Get<IStorageAccount>().GetBlobContainerClient(CaseFileArchiveService.ContainerName);
        var first = await container.DownloadAsync("casefiles/D01/2026-Q3.zip");
        Assert.NotNull(first);
        Assert.Equal("application/zip", first.Properties.ContentType);

        // Stored sealed (the acts name the applicant); the service opens it.
        Assert.True(PowerFunctions.App.Features.Documents.Storage.BlobSeal.IsSealed(first.Content));
        var opened = (await app.App.Get<CaseFileArchiveService>().ReadArchiveAsync("casefiles/D01/2026-Q3.zip", CancellationToken.None))!;
        var archive = Unzip(opened);

        // Inspectors download it through the app (supervisor only; 404 before a quarter's archive exists, 400 for no quarter).
        var download = await app.Supervisor.GetAsync("/api/supervision/case-files/D01/2026-Q3");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(opened, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.GetAsync("/api/supervision/case-files/D01/2026-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Supervisor.GetAsync("/api/supervision/case-files/D01/2026-Q4")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Supervisor.GetAsync("/api/supervision/case-files/D01/2026-13")).StatusCode);
        Assert.Equal([refused + ".zip", CaseFileArchiveService.ListingEntry], archive.Keys.Order(StringComparer.Ordinal));
        var inner = Unzip(archive[refused + ".zip"]);
        Assert.Empty(CaseFileManifests.Verify(CaseFileManifests.FromJson(inner[CaseFileManifests.ManifestPath])!, inner));

        var listed = JsonDocument.Parse(await app.Supervisor.GetStringAsync("/api/supervision/case-files?quarter=2026-Q3")).RootElement;
        var d01 = Assert.Single(listed.EnumerateArray());
        Assert.Equal("casefiles/D01/2026-Q3.zip", d01.GetProperty("blobName").GetString());
        var item = Assert.Single(d01.GetProperty("cases").EnumerateArray());
        Assert.Equal(refused, item.GetProperty("caseNo").GetString());
        Assert.Equal("2026-09-28", item.GetProperty("closedOn").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(archive[refused + ".zip"])), item.GetProperty("sha256").GetString());
        Assert.DoesNotContain(open, d01.GetRawText(), StringComparison.Ordinal);

        await app.SetClockAsync(10, 2, 0);
        await app.OkAsync(app.Acceptor, open, "refuse", new { reason = "不属于本机关职权范围" });
        await app.App.RunTimerAsync("SupervisionCaseFileArchive");
        var second = await container.DownloadAsync("casefiles/D01/2026-Q3.zip");
        Assert.Equal(first.Content, second!.Content);
        Assert.Equal(first.Properties.ETag, second.Properties.ETag);
        Assert.Equal(d01.GetRawText(), Assert.Single(JsonDocument.Parse(await app.Supervisor.GetStringAsync("/api/supervision/case-files?quarter=2026-Q3&department=D01")).RootElement.EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task CaseFileListing_BadQuarterOrCaller_400_403()
    {
        await using var app = await StartAppAsync();
        Assert.Equal("[]", await app.Supervisor.GetStringAsync("/api/supervision/case-files"));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Supervisor.GetAsync("/api/supervision/case-files?quarter=2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Supervisor.GetAsync("/api/supervision/case-files?quarter=2026-Q5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Supervisor.GetAsync("/api/supervision/case-files?quarter=2026-Q3&department=D%2F01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Acceptor.GetAsync("/api/supervision/case-files?quarter=2026-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.App.Client.GetAsync("/api/supervision/case-files?quarter=2026-Q3")).StatusCode);
    }

    private static async Task<string> SubmitAsync(CaseApp app)
    {
        var response = await app.SubmitAsync(CaseApp.SampleApplication(Item, "张小测", "M01", "M02", "M03", "M04"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CaseApp.Json(response)).GetProperty("caseNo").GetString()!;
    }

    private static async Task<string> DecidedCaseAsync(CaseApp app)
    {
        var caseNo = await SubmitAsync(app);
        await app.OkAsync(app.Acceptor, caseNo, "accept");
        await app.OkAsync(app.ReviewerA, caseNo, "review", new { role = "A", opinion = "材料齐全", recommendation = "approve" });
        await app.OkAsync(app.ReviewerB, caseNo, "review", new { role = "B", opinion = "同意", recommendation = "approve" });
        await app.OkAsync(app.Decider, caseNo, "decide", new { outcome = "approve", reasons = "符合条件" });
        return caseNo;
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(files.TryAdd(entry.FullName, copy.ToArray()), $"{entry.FullName} twice");
        }

        return files;
    }
}
