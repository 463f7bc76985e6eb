using PowerFunctions.Tests.Shared;
using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// The same lifecycle scenarios with <c>Storage:Provider=AzureStorage</c> on a real Azurite: tables,
/// entity-group transactions, ETags, the timer index and alerts all go through the Azure adapter.
/// Each scenario gets its own Azurite (in memory), so no scenario sees another's cases or timers.
/// </summary>
public sealed class AzuriteCaseLifecycleTests : CaseLifecycleScenarios
{
    protected override async Task<CaseApp> StartAppAsync()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            return await CaseApp.StartAsync(
                settings: new Dictionary<string, string?>
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
