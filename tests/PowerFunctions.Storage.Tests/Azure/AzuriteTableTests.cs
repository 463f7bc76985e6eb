using PowerFunctions.Tests.Shared;
using Azure;
using PowerFunctions.Storage.AzureStorage;

namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>
/// The Azure table client against a real Azurite: how our port maps onto the SDK (types, escaping of
/// quotes in keys, replace-not-merge, ETags, missing tables, paging with the SDK's token, transaction
/// rules checked before sending and failures named by index).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteTableTests(Azurite azurite)
{
    private async Task<ITableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_IsFine()
    {
        var table = await NewTableAsync();

        await table.CreateIfNotExistsAsync();
    }

    [Fact]
    public async Task Entity_EveryPropertyType_RoundTripsWithItsType()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 9, 18, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "行政许可 'quoted'",
            ["Big"] = 5L,
            ["Huge"] = long.MaxValue,
            ["Small"] = 7,
            ["Flag"] = true,
            ["Whole"] = 3.0,
            ["Ratio"] = 0.25,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("p", "r");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("行政许可 'quoted'", read["Text"]);
        Assert.Equal(5L, Assert.IsType<long>(read["Big"]));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(read["Huge"]));
        Assert.Equal(7, Assert.IsType<int>(read["Small"]));
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(3.0, Assert.IsType<double>(read["Whole"]));
        Assert.Equal(0.25, Assert.IsType<double>(read["Ratio"]));
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, Assert.IsType<byte[]>(read["Bytes"]));
    }

    [Fact]
    public async Task Add_Existing_Throws409EntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, e.Status);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, e.ErrorCode);
    }

    [Fact]
    public async Task Update_StaleETag_Throws412AndKeepsTheEntity()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, first));

        Assert.Equal(412, e.Status);
        Assert.Equal(StorageErrorCodes.UpdateConditionNotSatisfied, e.ErrorCode);
        Assert.NotEqual(first, second);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!["V"]);
    }

    [Fact]
    public async Task Update_Missing_Throws404()
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));

        Assert.Equal(404, e.Status);
        Assert.Equal(StorageErrorCodes.ResourceNotFound, e.ErrorCode);
    }

    [Fact]
    public async Task UpsertAndDelete_MissingThenPresent_Work()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = "a" });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = "b" });
        Assert.Equal("b", (await table.GetEntityAsync("p", "r"))!["V"]);

        await table.DeleteEntityAsync("p", "r", ETag.All);
        await table.DeleteEntityAsync("p", "r", ETag.All);

        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Delete_StaleETag_Throws412()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first));

        Assert.Equal(412, e.Status);
    }

    [Fact]
    public async Task Get_MissingTable_Throws404TableNotFound()
    {
        var table = azurite.CreateAccount().GetTableClient("missing" + Guid.NewGuid().ToString("N"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.QueryAsync(TableQuery.Partition("p")));

        Assert.Equal(404, e.Status);
        Assert.Equal(StorageErrorCodes.TableNotFound, e.ErrorCode);
    }

    [Theory]
    [InlineData("o'brien")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("a' or PartitionKey ne 'x")]
    [InlineData("x') or (RowKey ne '")]
    [InlineData("%27 and +&=;,")]
    [InlineData("许可 证")]
    public async Task Keys_WithQuotesAndSpecialCharacters_ReadWriteAndQueryExactlyThemselves(string key)
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity(key, key) { ["Mine"] = true });
        await table.AddEntityAsync(new TableEntity("other", "row") { ["Mine"] = false });
        await table.AddEntityAsync(new TableEntity(key + "z", key) { ["Mine"] = false });

        var got = await table.GetEntityAsync(key, key);
        var page = await table.QueryAsync(TableQuery.Partition(key));
        var prefix = await table.QueryAsync(TableQuery.RowPrefix(key, key[..1]));

        Assert.NotNull(got);
        Assert.Equal(key, got.PartitionKey);
        Assert.Equal(key, got.RowKey);
        var only = Assert.Single(page.Entities);
        Assert.Equal(key, only.RowKey);
        Assert.Equal(true, only["Mine"]);
        Assert.Single(prefix.Entities);

        await table.UpdateEntityAsync(new TableEntity(key, key) { ["Mine"] = "still" }, got.ETag);
        await table.DeleteEntityAsync(key, key, ETag.All);
        Assert.Null(await table.GetEntityAsync(key, key));
        Assert.Equal(2, (await table.QueryAsync(new TableQuery())).Entities.Count);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public async Task Add_ForbiddenKeyCharacter_Throws400BeforeSending(string key)
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", key)));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidInput, e.ErrorCode);
        Assert.Null(e.InnerException); // refused here, not by the service
        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }

    [Fact]
    public async Task Query_Pages_FollowContinuationInKeyOrder()
    {
        var table = await NewTableAsync();
        var batch = Enumerable.Range(0, 25).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["I"] = i })).ToList();
        await table.SubmitTransactionAsync(batch);
        await table.AddEntityAsync(new TableEntity("q", "r000"));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await table.QueryAsync(new TableQuery { PartitionKey = "p", PageSize = 10, ContinuationToken = token });
            seen.AddRange(page.Entities.Select(e => e.RowKey));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"r{i:D3}"), seen);
    }

    [Fact]
    public async Task Query_Ranges_AreHalfOpen()
    {
        var table = await NewTableAsync();
        foreach (var pk in new[] { "a", "b", "c" })
        {
            foreach (var rk in new[] { "1", "2", "3" })
            {
                await table.AddEntityAsync(new TableEntity(pk, rk));
            }
        }

        var page = await table.QueryAsync(new TableQuery { PartitionKeyFrom = "b", PartitionKeyTo = "c", RowKeyFrom = "2", RowKeyTo = "3" });

        var only = Assert.Single(page.Entities);
        Assert.Equal(("b", "2"), (only.PartitionKey, only.RowKey));
    }

    [Fact]
    public async Task Query_ContinuationToken_IsTheSdksOwnPassedThrough()
    {
        var table = await NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 5).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("o'p", $"r{i}"))).ToList());
        var sdk = new Azure.Data.Tables.TableClient(azurite.ConnectionString, table.Name);

        var ours = await table.QueryAsync(new TableQuery { PartitionKey = "o'p", PageSize = 2 });
        var theirs = await sdk.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq 'o''p'", 2).AsPages(null, 2).FirstAsync();
        var next = await table.QueryAsync(new TableQuery { PartitionKey = "o'p", PageSize = 2, ContinuationToken = theirs.ContinuationToken });

        Assert.NotNull(ours.ContinuationToken);
        Assert.Equal(theirs.ContinuationToken, ours.ContinuationToken);
        Assert.Equal(["r2", "r3"], next.Entities.Select(e => e.RowKey));
    }

    [Fact]
    public async Task GetAndDelete_MissingTable_Throw404TableNotFound()
    {
        var table = azurite.CreateAccount().GetTableClient("missing" + Guid.NewGuid().ToString("N"));

        var get = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "r"));
        var delete = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r"));

        Assert.Equal((404, StorageErrorCodes.TableNotFound), (get.Status, get.ErrorCode));
        Assert.Equal((404, StorageErrorCodes.TableNotFound), (delete.Status, delete.ErrorCode));
    }

    [Fact]
    public async Task Writes_StampTheEntityWithItsNewETagAndTime()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };

        var added = await table.AddEntityAsync(entity);
        Assert.Equal(added, entity.ETag);
        Assert.NotNull(entity.Timestamp);
        var updated = await table.UpdateEntityAsync(entity, entity.ETag);

        Assert.Equal(updated, entity.ETag);
        Assert.Equal(updated, (await table.GetEntityAsync("p", "r"))!.ETag);
    }

    public static TheoryData<string, object> BadProperties() => new()
    {
        { "bad-name", "x" },
        { "1st", "x" },
        { "PartitionKey", "x" },
        { "Timestamp", DateTimeOffset.UnixEpoch },
        { "Amount", 1.5m },
        { "Local", new DateTime(2026, 9, 18) },
    };

    [Theory]
    [MemberData(nameof(BadProperties))]
    public async Task Add_BadPropertyNameOrType_Throws400BeforeSending(string name, object value)
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { [name] = value }));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidInput, e.ErrorCode);
        Assert.Null(e.InnerException); // refused here, not by the service
        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }

    [Fact]
    public async Task Transaction_AllActionKinds_CommitTogetherWithETags()
    {
        var table = await NewTableAsync();
        var existing = await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "delete"));

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1L }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "update") { ["V"] = 2 }, existing),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert") { ["V"] = "x'y" }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete"), ETag.All),
        ]);

        Assert.Equal(4, etags.Count);
        Assert.NotEqual(default, etags[0]);
        Assert.Equal(default, etags[3]);
        Assert.Equal(etags[1], (await table.GetEntityAsync("p", "update"))!.ETag);
        Assert.Equal(1L, (await table.GetEntityAsync("p", "add"))!["V"]);
        Assert.Equal("x'y", (await table.GetEntityAsync("p", "upsert"))!["V"]);
        Assert.Null(await table.GetEntityAsync("p", "delete"));
    }

    [Fact]
    public async Task Transaction_FailingAction_RollsBackAndNamesItsIndex()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken") { ["V"] = "original" });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "taken") { ["V"] = "new" }),
            new(TableTransactionActionType.Add, new TableEntity("p", "c")),
        ]));

        Assert.Equal(2, e.FailedActionIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, e.ErrorCode);
        var rows = (await table.QueryAsync(TableQuery.Partition("p"))).Entities;
        var row = Assert.Single(rows);
        Assert.Equal("original", row["V"]);
    }

    [Fact]
    public async Task Transaction_StaleETag_FailsWith412AtItsIndex()
    {
        var table = await NewTableAsync();
        var old = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r"), old),
        ]));

        Assert.Equal(1, e.FailedActionIndex);
        Assert.Equal(412, e.Status);
        Assert.Null(await table.GetEntityAsync("p", "a"));
    }

    public static TheoryData<string, TableTransactionAction[]> BrokenBatches() => new()
    {
        { "two partitions", [new(TableTransactionActionType.Add, new TableEntity("p", "a")), new(TableTransactionActionType.Add, new TableEntity("q", "b"))] },
        { "one row twice", [new(TableTransactionActionType.Add, new TableEntity("p", "a")), new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "a"))] },
        { "101 actions", Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))).ToArray() },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(BrokenBatches))]
    public async Task Transaction_BreakingTheRules_Throws400AndWritesNothing(string why, TableTransactionAction[] actions)
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(400, e.Status);
        Assert.Equal(StorageErrorCodes.InvalidTransaction, e.ErrorCode);
        Assert.Null(e.InnerException); // refused before sending: Azurite would take most of these
        Assert.True(why.Length > 0);
        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }

    [Fact]
    public async Task Transaction_HundredActions_Commits()
    {
        var table = await NewTableAsync();

        var etags = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}"))).ToList());

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, (await table.QueryAsync(TableQuery.Partition("p"))).Entities.Count);
    }
}
