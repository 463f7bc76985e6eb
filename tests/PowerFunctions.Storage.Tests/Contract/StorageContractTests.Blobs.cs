using System.Security.Cryptography;

namespace PowerFunctions.Storage.Tests.Contract;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Blob_UploadThenDownload_KeepsBytesTypeHashesAndMetadata()
    {
        var container = await NewContainerAsync();
        var content = Bytes("%PDF-1.7 受理通知书");
        var metadata = new Dictionary<string, string> { ["caseId"] = "QL-2026-000001", ["kind"] = "acceptance" };

        var uploaded = await container.UploadAsync("cases/QL-2026-000001/acceptance.pdf", content, "application/pdf", metadata);
        var download = await container.DownloadAsync("cases/QL-2026-000001/acceptance.pdf");

        Assert.NotNull(download);
        Assert.Equal(content, download.Content);
        var p = download.Properties;
        Assert.Equal("cases/QL-2026-000001/acceptance.pdf", p.Name);
        Assert.Equal(content.Length, p.Length);
        Assert.Equal("application/pdf", p.ContentType);
        Assert.Equal(MD5.HashData(content), p.ContentMd5);
        Assert.Equal(MD5.HashData(content), uploaded.ContentMd5);
        Assert.Equal(Sha256Hex(content), p.Sha256);
        Assert.Equal(Sha256Hex(content), uploaded.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", p.Sha256);
        Assert.Equal(uploaded.ETag, p.ETag);
        Assert.Equal("QL-2026-000001", p.Metadata["caseId"]);
        Assert.Equal("acceptance", p.Metadata["kind"]);
        Assert.Equal(2, p.Metadata.Count);
        Assert.True(Math.Abs((p.LastModified - DateTimeOffset.UtcNow).TotalMinutes) < 5);
    }

    [Fact]
    public async Task Blob_UploadToExistingName_Throws409AndKeepsTheFirst()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("sealed.pdf", Bytes("first"), "application/pdf");

        var e = await FailsWith(409, () => container.UploadAsync("sealed.pdf", Bytes("second"), "application/pdf"));

        Assert.Equal(StorageErrorCodes.BlobAlreadyExists, e.ErrorCode);
        Assert.Equal(Bytes("first"), (await container.DownloadAsync("sealed.pdf"))!.Content);
    }

    [Fact]
    public async Task Blob_UploadWithOverwrite_ReplacesAndChangesTheETag()
    {
        var container = await NewContainerAsync();
        var first = await container.UploadAsync("draft.txt", Bytes("first"), "text/plain", new Dictionary<string, string> { ["v"] = "1" });

        var second = await container.UploadAsync("draft.txt", Bytes("second!"), "text/plain", overwrite: true);

        Assert.NotEqual(first.ETag, second.ETag);
        var properties = await container.GetPropertiesAsync("draft.txt");
        Assert.Equal(7, properties!.Length);
        Assert.Equal(Sha256Hex(Bytes("second!")), properties.Sha256);
        Assert.Empty(properties.Metadata);
    }

    [Fact]
    public async Task Blob_Missing_DownloadsAndPropertiesAreNull()
    {
        var container = await NewContainerAsync();

        Assert.Null(await container.DownloadAsync("nothing.pdf"));
        Assert.Null(await container.GetPropertiesAsync("nothing.pdf"));
    }

    [Fact]
    public async Task Blob_Empty_RoundTrips()
    {
        var container = await NewContainerAsync();

        await container.UploadAsync("empty.bin", ReadOnlyMemory<byte>.Empty, "application/octet-stream");

        var download = await container.DownloadAsync("empty.bin");
        Assert.Empty(download!.Content);
        Assert.Equal(0, download.Properties.Length);
        Assert.Equal(Sha256Hex([]), download.Properties.Sha256);
    }

    [Fact]
    public async Task Blob_ListByPrefix_ReturnsNameOrderAcrossPages()
    {
        var container = await NewContainerAsync();
        var names = new[] { "a/3.pdf", "a/1.pdf", "a/10.pdf", "a/2.pdf", "ab/1.pdf", "b/1.pdf", "a/sub/1.pdf" };
        foreach (var name in names)
        {
            await container.UploadAsync(name, Bytes(name), "application/pdf");
        }

        var listed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await container.ListAsync("a/", token, pageSize: 2);
            Assert.True(page.Blobs.Count <= 2);
            listed.AddRange(page.Blobs.Select(b => b.Name));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Equal(new[] { "a/1.pdf", "a/10.pdf", "a/2.pdf", "a/3.pdf", "a/sub/1.pdf" }, listed);
        var all = await container.ListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), all.Blobs.Select(b => b.Name));
        Assert.All(all.Blobs, b => Assert.Equal(Sha256Hex(Bytes(b.Name)), b.Sha256));
    }

    [Fact]
    public async Task Blob_ContainerNeverCreated_Throws404()
    {
        var container = Account.GetBlobContainerClient(NewContainerOrQueueName());

        await FailsWith(404, () => container.UploadAsync("x.pdf", Bytes("x"), "application/pdf"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("ab")]
    [InlineData("a--b")]
    [InlineData("-ab")]
    [InlineData("a_b")]
    public void ContainerAndQueueNames_Invalid_Throw400(string name)
    {
        Assert.Equal(400, Assert.ThrowsAny<Azure.RequestFailedException>(() =>
            Account.GetBlobContainerClient(name).CreateIfNotExistsAsync().GetAwaiter().GetResult()).Status);
        Assert.Equal(400, Assert.ThrowsAny<Azure.RequestFailedException>(() =>
            Account.GetQueueClient(name).CreateIfNotExistsAsync().GetAwaiter().GetResult()).Status);
    }
}
