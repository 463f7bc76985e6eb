using PowerFunctions.Tests.Shared;
using System.Security.Cryptography;
using System.Text;
using Azure;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>The Azure blob client against a real Azurite: create-only uploads, hashes, metadata and its encoding, listing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteBlobTests(Azurite azurite)
{
    private async Task<IBlobContainerClient> NewContainerAsync()
    {
        var container = azurite.CreateAccount().GetBlobContainerClient("c" + Guid.NewGuid().ToString("N"));
        await container.CreateIfNotExistsAsync();
        await container.CreateIfNotExistsAsync();
        return container;
    }

    [Fact]
    public async Task Upload_ThenDownload_KeepsBytesTypeHashesAndMetadata()
    {
        var container = await NewContainerAsync();
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 决定书");
        var metadata = new Dictionary<string, string> { ["caseId"] = "A-1", ["title"] = "不予许可决定书" };

        var uploaded = await container.UploadAsync("cases/A-1/决定 1.pdf", bytes, "application/pdf", metadata);
        var download = await container.DownloadAsync("cases/A-1/决定 1.pdf");
        var properties = await container.GetPropertiesAsync("cases/A-1/决定 1.pdf");

        Assert.NotNull(download);
        Assert.NotNull(properties);
        Assert.Equal(bytes, download.Content);
        Assert.Equal(MD5.HashData(bytes), uploaded.ContentMd5);
        Assert.Equal(MD5.HashData(bytes), download.Properties.ContentMd5);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.Sha256);
        foreach (var p in new[] { uploaded, download.Properties, properties })
        {
            Assert.Equal("cases/A-1/决定 1.pdf", p.Name);
            Assert.Equal(bytes.Length, p.Length);
            Assert.Equal("application/pdf", p.ContentType);
            Assert.Equal(uploaded.Sha256, p.Sha256);
            Assert.Equal(uploaded.ETag, p.ETag);
            Assert.Equal("A-1", p.Metadata["caseId"]);
            Assert.Equal("不予许可决定书", p.Metadata["title"]);
            Assert.False(p.Metadata.ContainsKey("sha256"));
        }
    }

    [Fact]
    public async Task Upload_SecondTimeCreateOnly_Throws409AndKeepsTheFirst()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("doc.pdf", new byte[] { 1 }, "application/pdf");

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync("doc.pdf", new byte[] { 2 }, "application/pdf"));

        Assert.Equal(409, e.Status);
        Assert.Equal(StorageErrorCodes.BlobAlreadyExists, e.ErrorCode);
        Assert.Equal(new byte[] { 1 }, (await container.DownloadAsync("doc.pdf"))!.Content);
    }

    [Fact]
    public async Task Upload_Overwrite_Replaces()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("doc.txt", new byte[] { 1 }, "text/plain");

        await container.UploadAsync("doc.txt", new byte[] { 2, 3 }, "text/plain", overwrite: true);

        Assert.Equal(new byte[] { 2, 3 }, (await container.DownloadAsync("doc.txt"))!.Content);
    }

    [Fact]
    public async Task Missing_DownloadAndProperties_AreNull()
    {
        var container = await NewContainerAsync();

        Assert.Null(await container.DownloadAsync("nothing.pdf"));
        Assert.Null(await container.GetPropertiesAsync("nothing.pdf"));
    }

    [Fact]
    public async Task Upload_MissingContainer_Throws404()
    {
        var container = azurite.CreateAccount().GetBlobContainerClient("missing-" + Guid.NewGuid().ToString("N"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync("a", new byte[] { 1 }, "text/plain"));

        Assert.Equal(404, e.Status);
        Assert.Equal(StorageErrorCodes.TableNotFound, e.ErrorCode);
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("sha256")]
    [InlineData("1st")]
    public async Task Upload_BadMetadataName_Throws400(string name)
    {
        var container = await NewContainerAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync("a", new byte[] { 1 }, "text/plain", new Dictionary<string, string> { [name] = "v" }));

        Assert.Equal(400, e.Status);
        Assert.Null(await container.GetPropertiesAsync("a"));
    }

    [Fact]
    public async Task List_ByPrefixInPages_InNameOrderWithHashes()
    {
        var container = await NewContainerAsync();
        foreach (var name in new[] { "b/2", "a/1", "b/1", "b/3", "c/1" })
        {
            await container.UploadAsync(name, Encoding.UTF8.GetBytes(name), "text/plain", new Dictionary<string, string> { ["n"] = "名" + name });
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await container.ListAsync("b/", token, pageSize: 2);
            foreach (var blob in page.Blobs)
            {
                names.Add(blob.Name);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blob.Name))), blob.Sha256);
                Assert.Equal(MD5.HashData(Encoding.UTF8.GetBytes(blob.Name)), blob.ContentMd5);
                Assert.Equal("名" + blob.Name, blob.Metadata["n"]);
                Assert.Equal(3, blob.Length);
            }

            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["b/1", "b/2", "b/3"], names);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task Upload_MetadataOnTheService_IsAsciiRfc2047WithOurSha256AndMd5()
    {
        var container = await NewContainerAsync();
        var bytes = Encoding.UTF8.GetBytes("决定书");

        await container.UploadAsync("d.pdf", bytes, "application/pdf", new Dictionary<string, string> { ["title"] = "不予许可决定书", ["caseId"] = "A-1" });
        var raw = (await new Azure.Storage.Blobs.BlobClient(azurite.ConnectionString, container.Name, "d.pdf").GetPropertiesAsync()).Value;

        Assert.Equal("=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("不予许可决定书")) + "?=", raw.Metadata["title"]);
        Assert.Equal("A-1", raw.Metadata["caseId"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), raw.Metadata["sha256"]);
        Assert.Equal(MD5.HashData(bytes), raw.ContentHash);
        Assert.Equal("application/pdf", raw.ContentType);
    }

    [Fact]
    public async Task Read_BlobWrittenByAnotherClient_HasNoSha256AndItsOwnMetadata()
    {
        var container = await NewContainerAsync();
        await new Azure.Storage.Blobs.BlobClient(azurite.ConnectionString, container.Name, "other.txt").UploadAsync(BinaryData.FromString("x"));

        var properties = await container.GetPropertiesAsync("other.txt");

        Assert.NotNull(properties);
        Assert.Equal(string.Empty, properties.Sha256);
        Assert.Empty(properties.Metadata);
        Assert.Equal(1, properties.Length);
    }
}
