using System.Text;
using Azure.Data.Tables;
using PowerFunctions.App.Tests.Cases;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>The same scenario on Azure Storage (Azurite): every property of every entity of every table, read through the SDK, holds no identity number, phone or reporter's name.</summary>
public sealed class PersonalDataAzuriteTests
{
    [Fact]
    [Trait("Source", "个人信息保护法 第五十一条 (加密); GB/T 39786-2021; 信访工作条例 (2022)")]
    public async Task Scenario_OnAzurite_NoPlaintextInAnyEntityProperty()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            await RunAndReadAsync(azurite);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task RunAndReadAsync(Azurite azurite)
    {
        await using (var app = await CaseApp.StartWithSampleCatalogAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "AzureStorage", ["Storage:ConnectionString"] = azurite.ConnectionString }))
        {
            await PersonalDataScenario.RunAsync(app);
        }

        var service = new TableServiceClient(azurite.ConnectionString);
        var values = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                values.AddRange(entity.Select(p => p.Value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    BinaryData data => data.ToString(),
                    var other => other?.ToString() ?? string.Empty,
                }));
            }
        }

        Assert.Contains(values, v => v.Contains("pd1:sm4gcm:dev:", StringComparison.Ordinal));
        foreach (var secret in PersonalDataScenario.Secrets)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.Ordinal));
        }
    }
}
