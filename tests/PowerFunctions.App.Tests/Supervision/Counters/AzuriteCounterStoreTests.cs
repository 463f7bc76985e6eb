using PowerFunctions.Storage;
using PowerFunctions.Tests.Shared;

namespace PowerFunctions.App.Tests.Supervision.Counters;

/// <summary>The counter store's scenarios on a real Azurite (one for the class; each test its own department); "another process" is another client.</summary>
public sealed class AzuriteCounterStoreTests(Azurite azurite) : CounterStoreScenarios, IClassFixture<Azurite>
{
    protected override IStorageAccount Open() => azurite.CreateAccount();

    protected override IStorageAccount OpenOtherProcess() => azurite.CreateAccount();
}
