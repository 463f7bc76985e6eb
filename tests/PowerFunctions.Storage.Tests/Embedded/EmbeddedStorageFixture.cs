using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>One embedded account on a temporary data folder, shared by a test class and deleted after it.</summary>
public sealed class EmbeddedStorageFixture : IDisposable
{
    public EmbeddedStorageFixture()
    {
        DataPath = TempFolder.Create();
        Account = new EmbeddedStorageAccount(DataPath);
    }

    public string DataPath { get; }

    public EmbeddedStorageAccount Account { get; }

    public void Dispose()
    {
        Account.Dispose();
        TempFolder.Delete(DataPath);
    }
}
