using PowerFunctions.App.Tests.Cases;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>The case file scenarios with <c>Storage:Provider=AzureStorage</c> on a real Azurite (one per scenario).</summary>
public sealed class AzuriteCaseFileTests : CaseFileScenarios
{
    protected override async Task<CaseApp> StartAppAsync()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            return await CaseApp.StartWithSampleCatalogAsync(
                new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "AzureStorage",
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                },
                afterDispose: azurite.DisposeAsync);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }
}
