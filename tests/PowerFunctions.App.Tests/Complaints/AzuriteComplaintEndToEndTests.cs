using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.Complaints;

/// <summary>
/// The same three channels with <c>Storage:Provider=AzureStorage</c> on a real Azurite: the tickets' transactions
/// (snapshot, events and outbox rows in one), the read side, the timers, the sealed documents and the embedded
/// messaging adapter on Azure Storage queues. Each scenario gets its own Azurite.
/// </summary>
public sealed class AzuriteComplaintEndToEndTests : ComplaintEndToEndScenarios
{
    protected override async Task<ComplaintApp> StartAppAsync()
    {
        var azurite = new Azurite();
        await azurite.InitializeAsync();
        try
        {
            return await ComplaintApp.StartAsync(
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
