using PowerFunctions.Storage.Tests.Contract;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>The storage contract, run on the embedded (SQLite) adapter in a temporary data folder.</summary>
public sealed class EmbeddedStorageContractTests(EmbeddedStorageFixture fixture) : StorageContractTests, IClassFixture<EmbeddedStorageFixture>
{
    protected override IStorageAccount Account => fixture.Account;
}
