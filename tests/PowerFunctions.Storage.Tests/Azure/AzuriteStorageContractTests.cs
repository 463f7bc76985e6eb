using PowerFunctions.Tests.Shared;
using PowerFunctions.Storage.Tests.Contract;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>The storage contract, run on the Azure adapter against a real Azurite (one per run of the collection).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteStorageContractTests(Azurite azurite) : StorageContractTests
{
    private readonly IStorageAccount _account = azurite.CreateAccount();

    protected override IStorageAccount Account => _account;
}
