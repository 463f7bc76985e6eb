using PowerFunctions.Storage.Embedded;
using PowerFunctions.Storage.Messaging;
using PowerFunctions.Storage.Tests.Embedded;

namespace PowerFunctions.Storage.Tests.Messaging;

/// <summary>An embedded store (real SQLite, temporary folder, a clock that moves when told) with the embedded messaging adapter on it.</summary>
public sealed class EmbeddedMessagingFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public EmbeddedMessagingFixture()
    {
        DataPath = TempFolder.Create();
        Storage = new EmbeddedStorageAccount(DataPath, Clock);
        Messaging = new EmbeddedMessagingAccount(Storage, new EmbeddedMessagingOptions
        {
            LockDuration = MessagingContractTests.LockDurationForTests,
            MaxDeliveryCount = MessagingContractTests.MaxDeliveryCountForTests,
            MinPollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
        });
    }

    public string DataPath { get; }

    public SteppingClock Clock { get; } = new(Start);

    public EmbeddedStorageAccount Storage { get; }

    public EmbeddedMessagingAccount Messaging { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Messaging.DisposeAsync();
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(DataPath);
    }
}
