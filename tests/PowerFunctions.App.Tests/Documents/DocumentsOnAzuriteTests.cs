using PowerFunctions.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>The documents feature with <c>Storage:Provider=AzureStorage</c> on a real Azurite: blobs, index and development seal keys in the account.</summary>
public sealed class DocumentsOnAzuriteTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task Issue_OnAzurite_StoredVerifiedAndKeyKeptInTheAccount()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureStorage",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });
        var caseNo = "D01-2026-" + Random.Shared.Next(100000, 999999);
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice, caseNo: caseNo);
        var issuer = app.Get<IDocumentIssuer>();

        var issued = await issuer.IssueAsync(request, CancellationToken.None);
        var again = await issuer.IssueAsync(request, CancellationToken.None);

        Assert.Equal(issued, again);
        var pdf = await app.DocumentAsync(issued.Id);
        using (var byId = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/documents/{issued.Id}/verify")))
        {
            Assert.True(byId.RootElement.GetProperty("valid").GetBoolean(), byId.RootElement.ToString());
        }

        pdf[pdf.Length / 3] ^= 0x20;
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await app.Client.PostAsync("/api/documents/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var tampered = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(tampered.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("content-changed", tampered.RootElement.GetProperty("reasonCode").GetString());

        var key = await app.Get<IStorageAccount>().GetBlobContainerClient(SealKeyStore.DevelopmentContainer).DownloadAsync("D01.json");
        Assert.NotNull(key);
    }
}
