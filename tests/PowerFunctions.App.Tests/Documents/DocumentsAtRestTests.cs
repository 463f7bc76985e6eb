using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>
/// Sealed documents at rest: a 处罚决定书 prints the party's identity number and address, so the stored blobs (PDF and
/// seal) are encrypted, bound to their names; the routes serve and verify the plain file as before.
/// </summary>
public sealed class DocumentsAtRestTests
{
    private const string IdNumber = "41010219880808123X";
    private const string Address = "郑州市二七区隐秘路八十八号";

    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (加密); GB/T 39786-2021 (重要数据存储机密性)")]
    public async Task Issued_BlobsStoredSealed_ServedAndVerifiedAsThePlainFile()
    {
        await using var app = await TestApp.StartAsync();
        var request = SampleDocuments.For(DocumentType.PenaltyDecision) with
        {
            Fields = [new DocumentField("证件号码", IdNumber), new DocumentField("地址", Address)],
        };
        var issued = await app.Get<IDocumentIssuer>().IssueAsync(request, CancellationToken.None);

        var container = app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName);
        foreach (var name in new[] { issued.BlobName, issued.BlobName[..^".pdf".Length] + ".seal.json" })
        {
            var stored = (await container.DownloadAsync(name))!.Content;
            Assert.True(BlobSeal.IsSealed(stored), name);
            Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        }

        using var reader = app.DocumentReader();
        var pdf = await (await reader.GetAsync($"/api/documents/{issued.Id}")).Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(pdf[..5]), StringComparison.Ordinal);
        Assert.Equal(issued.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Contains(IdNumber, PdfTools.ExtractText(pdf), StringComparison.Ordinal); // the act itself still says it
        using var verified = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/documents/{issued.Id}/verify"));
        Assert.True(verified.RootElement.GetProperty("valid").GetBoolean(), verified.RootElement.GetRawText());

        // Nothing of it in the store's files either (the PDF's text is compressed anyway; the check is the blob's bytes).
        await DataFiles.AssertAbsentAsync(app.DataPath, IdNumber, Address);
    }

    [Fact]
    public async Task SealedBlob_UnderAnotherName_DoesNotOpen_AndAPlainBlobReadsAsItIs()
    {
        await using var app = await TestApp.StartAsync();
        var seal = app.Get<BlobSeal>();
        var pdf = "%PDF-1.7 sample"u8.ToArray();

        var sealedBlob = seal.Seal(DocumentStore.ContainerName, "cases/C-1/a.pdf", pdf);

        Assert.Equal(pdf, seal.Open(DocumentStore.ContainerName, "cases/C-1/a.pdf", sealedBlob));
        Assert.Null(seal.Open(DocumentStore.ContainerName, "cases/C-2/a.pdf", sealedBlob)); // moved: bound to its name
        var altered = (byte[])sealedBlob.Clone();
        altered[^3] = altered[^3] == (byte)'A' ? (byte)'B' : (byte)'A';
        Assert.Null(seal.Open(DocumentStore.ContainerName, "cases/C-1/a.pdf", altered));
        Assert.Equal(pdf, seal.Open(DocumentStore.ContainerName, "cases/C-1/old.pdf", pdf)); // written before sealing
    }

    [Fact]
    public async Task StoredFileThatDoesNotOpen_VerifyFailsAndDownloadAnswersProblem()
    {
        await using var app = await TestApp.StartAsync();
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice);
        var issued = await app.Get<IDocumentIssuer>().IssueAsync(request, CancellationToken.None);
        var container = app.Get<IStorageAccount>().GetBlobContainerClient(DocumentStore.ContainerName);

        // Storage rewritten behind the app's back (a sealed blob of another name put in its place).
        var other = app.Get<BlobSeal>().Seal(DocumentStore.ContainerName, "cases/elsewhere.pdf", "%PDF-1.7 forged"u8.ToArray());
        await container.UploadAsync(issued.BlobName, other, "application/pdf", overwrite: true);

        using var verified = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/documents/{issued.Id}/verify"));
        Assert.False(verified.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains("document-unreadable", verified.RootElement.GetRawText(), StringComparison.Ordinal);

        using var reader = app.DocumentReader();
        var download = await reader.GetAsync($"/api/documents/{issued.Id}");
        Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("documents.unreadable", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
