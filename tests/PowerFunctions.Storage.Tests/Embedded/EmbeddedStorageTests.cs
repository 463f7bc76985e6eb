using Azure;
using PowerFunctions.Storage.Embedded;

namespace PowerFunctions.Storage.Tests.Embedded;

/// <summary>What only the embedded adapter promises: its file, durability across reopening, its clock, its integrity.</summary>
public sealed class EmbeddedStorageTests : IDisposable
{
    private readonly string _dataPath = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_dataPath);

    [Fact]
    public void Account_NewFolder_CreatesTheFolderAndOneDatabaseFile()
    {
        var path = Path.Combine(_dataPath, "nested", "data");

        using var account = new EmbeddedStorageAccount(path);

        Assert.Equal("Embedded", account.Provider);
        Assert.Equal(Path.Combine(Path.GetFullPath(path), "powerfunctions.db"), account.DatabasePath);
        Assert.True(File.Exists(account.DatabasePath));
        Assert.Equal("ok", account.CheckIntegrity());
    }

    [Fact]
    public async Task Account_Reopened_KeepsTablesBlobsAndQueues()
    {
        ETag etag;
        string messageId;
        using (var account = new EmbeddedStorageAccount(_dataPath))
        {
            var table = account.GetTableClient("Cases");
            await table.CreateIfNotExistsAsync();
            etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 7L, ["When"] = DateTimeOffset.UnixEpoch });
            var container = account.GetBlobContainerClient("documents");
            await container.CreateIfNotExistsAsync();
            await container.UploadAsync("a.pdf", "pdf"u8.ToArray(), "application/pdf", new Dictionary<string, string> { ["k"] = "v" });
            var queue = account.GetQueueClient("intake");
            await queue.CreateIfNotExistsAsync();
            messageId = (await queue.SendMessageAsync("hello")).MessageId;
        }

        using (var reopened = new EmbeddedStorageAccount(_dataPath))
        {
            var entity = await reopened.GetTableClient("Cases").GetEntityAsync("p", "r");
            Assert.Equal(etag, entity!.ETag);
            Assert.Equal(7L, entity.GetInt64("Value"));
            Assert.Equal(DateTimeOffset.UnixEpoch, entity.GetDateTimeOffset("When"));
            var blob = await reopened.GetBlobContainerClient("documents").DownloadAsync("a.pdf");
            Assert.Equal("pdf"u8.ToArray(), blob!.Content);
            Assert.Equal("v", blob.Properties.Metadata["k"]);
            var message = Assert.Single(await reopened.GetQueueClient("intake").ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));
            Assert.Equal(messageId, message.MessageId);
            Assert.Equal("ok", reopened.CheckIntegrity());
        }
    }

    [Fact]
    public async Task TableNames_DifferingOnlyInCase_AreOneTable()
    {
        using var account = new EmbeddedStorageAccount(_dataPath);
        await account.GetTableClient("Applications").CreateIfNotExistsAsync();

        await account.GetTableClient("applications").AddEntityAsync(new TableEntity("p", "r"));

        Assert.NotNull(await account.GetTableClient("APPLICATIONS").GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Clock_StampsEntitiesAndBlobsWithItsTime()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 9, 18, 1, 30, 0, TimeSpan.Zero));
        using var account = new EmbeddedStorageAccount(_dataPath, clock);
        var table = account.GetTableClient("Stamped");
        await table.CreateIfNotExistsAsync();
        var container = account.GetBlobContainerClient("stamped");
        await container.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r"));
        var blob = await container.UploadAsync("b", "x"u8.ToArray(), "text/plain");

        Assert.Equal(clock.GetUtcNow(), (await table.GetEntityAsync("p", "r"))!.Timestamp);
        Assert.Equal(clock.GetUtcNow(), blob.LastModified);
    }

    [Fact]
    public async Task Queue_OnTheInjectedClock_HonoursDelayTimeoutAndTimeToLive()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 9, 18, 1, 30, 0, TimeSpan.Zero));
        using var account = new EmbeddedStorageAccount(_dataPath, clock);
        var queue = account.GetQueueClient("timed");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("in an hour", visibilityDelay: TimeSpan.FromHours(1));
        await queue.SendMessageAsync("short-lived", timeToLive: TimeSpan.FromMinutes(10));
        Assert.Equal("short-lived", Assert.Single(await queue.PeekMessagesAsync(32)).MessageText);

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(1, await queue.GetApproximateCountAsync());

        clock.Advance(TimeSpan.FromHours(1));
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5)));
        Assert.Equal("in an hour", received.MessageText);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(5), received.NextVisibleOn);

        clock.Advance(TimeSpan.FromMinutes(5));
        var again = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5)));
        Assert.Equal(2, again.DequeueCount);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Queue_ReceiveCountOutOfRange_Throws400(int count)
    {
        using var account = new EmbeddedStorageAccount(_dataPath);
        var queue = account.GetQueueClient("counted");
        await queue.CreateIfNotExistsAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.ReceiveMessagesAsync(count, TimeSpan.FromSeconds(30)));

        Assert.Equal(400, e.Status);
    }

    [Fact]
    public async Task Query_ForgedContinuationToken_Throws400()
    {
        using var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient("Forged");
        await table.CreateIfNotExistsAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.QueryAsync(new TableQuery { ContinuationToken = "not-a-token!" }));

        Assert.Equal(400, e.Status);
    }

    [Fact]
    public async Task Query_TokenFromAnotherPartition_Throws400InsteadOfWideningTheQuery()
    {
        using var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient("Scoped");
        await table.CreateIfNotExistsAsync();
        for (var i = 0; i < 3; i++)
        {
            await table.AddEntityAsync(new TableEntity("mine", $"r{i}"));
            await table.AddEntityAsync(new TableEntity("other", $"r{i}"));
        }

        var otherToken = (await table.QueryAsync(new TableQuery { PartitionKey = "other", PageSize = 1 })).ContinuationToken;
        var earlyToken = (await table.QueryAsync(new TableQuery { PageSize = 1 })).ContinuationToken;

        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.QueryAsync(new TableQuery { PartitionKey = "mine", ContinuationToken = otherToken }))).Status);
        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.QueryAsync(new TableQuery { PartitionKeyFrom = "n", ContinuationToken = earlyToken }))).Status);
    }

    [Fact]
    public async Task Entity_UnsupportedPropertyTypeOrName_Throws400()
    {
        using var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient("Typed");
        await table.CreateIfNotExistsAsync();

        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 1.5m }))).Status);
        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["bad name"] = "x" }))).Status);
        Assert.Equal(400, (await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["RowKey"] = "x" }))).Status);
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Account_Disposed_RefusesFurtherWork()
    {
        var account = new EmbeddedStorageAccount(_dataPath);
        var table = account.GetTableClient("Closed");
        await table.CreateIfNotExistsAsync();
        account.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => table.GetEntityAsync("p", "r"));
    }
}
