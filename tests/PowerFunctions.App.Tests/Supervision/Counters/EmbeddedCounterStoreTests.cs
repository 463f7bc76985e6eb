using PowerFunctions.Storage;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.App.Tests.Supervision.Counters;

/// <summary>The counter store's scenarios on the embedded store; "another process" opens the same data folder again.</summary>
public sealed class EmbeddedCounterStoreTests : CounterStoreScenarios, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pf-counters-" + Guid.NewGuid().ToString("N"));
    private readonly List<EmbeddedStorageAccount> _opened = [];

    protected override IStorageAccount Open() => Opened();

    protected override IStorageAccount OpenOtherProcess() => Opened();

    public void Dispose()
    {
        foreach (var account in _opened)
        {
            account.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }

    private EmbeddedStorageAccount Opened()
    {
        lock (_opened)
        {
            var account = new EmbeddedStorageAccount(_folder);
            _opened.Add(account);
            return account;
        }
    }
}
