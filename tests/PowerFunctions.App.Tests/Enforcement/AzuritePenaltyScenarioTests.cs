using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>The penalty scenario with <c>Storage:Provider=AzureStorage</c> on its own real Azurite: the case partition's transactions, the timer index, alerts, documents and read models through the Azure adapter.</summary>
public sealed class AzuritePenaltyScenarioTests : PenaltyScenarios
{
    protected override async Task<EnforcementApp> StartAppAsync()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            return await EnforcementApp.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "AzureStorage",
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                },
                azurite.DisposeAsync);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }
}
