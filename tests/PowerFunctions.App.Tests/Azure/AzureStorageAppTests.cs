using PowerFunctions.Tests.Shared;
using System.Net;
using System.Text.Json;
using PowerFunctions.App.Config;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.AzureStorage;

/// <summary>The whole app with <c>Storage:Provider=AzureStorage</c> on a real Azurite.</summary>
public sealed class AzureStorageAppTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task Health_OnAzurite_AnswersOkWithAzureStorage()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureStorage",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });

        var response = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("AzureStorage", json.RootElement.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Storage_OnAzurite_IsTheAzureAdapterAndWrites()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureStorage",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });
        var table = app.Get<IStorageAccount>().GetTableClient("AppProbe");

        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1L });

        Assert.Equal(1L, (await table.GetEntityAsync("p", "r"))!["V"]);
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "AccountName=x")]
    [InlineData("Storage:AccountName", "Not_An_Account")]
    public async Task Start_BadAzureSetting_FailsNamingTheSetting(string key, string value)
    {
        var e = await Assert.ThrowsAsync<ConfigurationException>(() => TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureStorage",
            [key] = value,
        }));

        Assert.Contains("Storage:", e.Message);
    }
}
