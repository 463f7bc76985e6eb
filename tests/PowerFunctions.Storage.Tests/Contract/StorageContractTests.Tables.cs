using Azure;

namespace PowerFunctions.Storage.Tests.Contract;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Entity_AddThenGet_RoundTripsEveryPropertyTypeWithItsType()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 9, 18, 9, 30, 15, 123, TimeSpan.FromHours(8));
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "受理通知书 & 'quotes' \"double\"",
            ["Long"] = 1L << 40,
            ["Int"] = 42,
            ["Flag"] = true,
            ["Ratio"] = 0.1,
            ["When"] = when,
            ["Id"] = id,
            ["Data"] = new byte[] { 0, 1, 2, 255 },
            ["Empty"] = string.Empty,
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("p", "r");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.NotEqual(default, etag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("受理通知书 & 'quotes' \"double\"", Assert.IsType<string>(read["Text"]));
        Assert.Equal(1L << 40, Assert.IsType<long>(read["Long"]));
        Assert.Equal(42, Assert.IsType<int>(read["Int"]));
        Assert.True(Assert.IsType<bool>(read["Flag"]));
        Assert.Equal(0.1, Assert.IsType<double>(read["Ratio"]));
        var readWhen = Assert.IsType<DateTimeOffset>(read["When"]);
        Assert.Equal(when, readWhen);
        Assert.Equal(TimeSpan.Zero, readWhen.Offset);
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, Assert.IsType<byte[]>(read["Data"]));
        Assert.Equal(string.Empty, read.GetString("Empty"));
    }

    [Fact]
    public async Task Entity_GetMissing_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetEntityAsync("p", "nobody"));
    }

    [Fact]
    public async Task Entity_AddExisting_Throws409AndKeepsTheFirst()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Row("p", "r", 1));

        var e = await FailsWith(409, () => table.AddEntityAsync(Row("p", "r", 2)));

        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, e.ErrorCode);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r"))!.GetInt64("Value"));
    }

    [Fact]
    public async Task Entity_UpdateWithCurrentETag_ReplacesAndChangesTheETag()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1L, ["Gone"] = "x" });

        var second = await table.UpdateEntityAsync(Row("p", "r", 2), first);

        Assert.NotEqual(first, second);
        var read = await table.GetEntityAsync("p", "r");
        Assert.Equal(second, read!.ETag);
        Assert.Equal(2, read.GetInt64("Value"));
        Assert.Null(read["Gone"]); // replace, not merge
    }

    [Fact]
    public async Task Entity_UpdateWithStaleETag_Throws412AndChangesNothing()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(Row("p", "r", 1));
        await table.UpdateEntityAsync(Row("p", "r", 2), first);

        var e = await FailsWith(412, () => table.UpdateEntityAsync(Row("p", "r", 3), first));

        Assert.Equal(StorageErrorCodes.UpdateConditionNotSatisfied, e.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!.GetInt64("Value"));
    }

    [Fact]
    public async Task Entity_UpdateWithETagAll_ReplacesWhateverVersion()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(Row("p", "r", 1));

        var second = await table.UpdateEntityAsync(Row("p", "r", 5), ETag.All);

        Assert.NotEqual(first, second);
        Assert.Equal(5, (await table.GetEntityAsync("p", "r"))!.GetInt64("Value"));
    }

    [Fact]
    public async Task Entity_UpdateMissing_Throws404ResourceNotFound()
    {
        var table = await NewTableAsync();

        var e = await FailsWith(404, () => table.UpdateEntityAsync(Row("p", "r"), ETag.All));

        Assert.Equal(StorageErrorCodes.ResourceNotFound, e.ErrorCode);
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Entity_Upsert_InsertsThenReplacesWithNewETags()
    {
        var table = await NewTableAsync();

        var first = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = 1L, ["Gone"] = true });
        var second = await table.UpsertEntityAsync(Row("p", "r", 2));

        Assert.NotEqual(first, second);
        var read = await table.GetEntityAsync("p", "r");
        Assert.Equal(second, read!.ETag);
        Assert.Equal(2, read.GetInt64("Value"));
        Assert.Null(read["Gone"]);
    }

    [Fact]
    public async Task Entity_DeleteWithCurrentETag_Removes()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(Row("p", "r"));

        await table.DeleteEntityAsync("p", "r", etag);

        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Entity_DeleteWithStaleETag_Throws412AndKeepsIt()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(Row("p", "r", 1));
        await table.UpdateEntityAsync(Row("p", "r", 2), ETag.All);

        var e = await FailsWith(412, () => table.DeleteEntityAsync("p", "r", first));

        Assert.Equal(StorageErrorCodes.UpdateConditionNotSatisfied, e.ErrorCode);
        Assert.NotNull(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Entity_DeleteMissingWithAnyETag_Succeeds()
    {
        var table = await NewTableAsync();

        await table.DeleteEntityAsync("p", "nobody");
        await table.DeleteEntityAsync("p", "nobody", ETag.All);

        Assert.Null(await table.GetEntityAsync("p", "nobody"));
    }

    [Fact]
    public async Task Entity_NullProperty_IsNotStored()
    {
        var table = await NewTableAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = "yes", ["Nothing"] = null });

        var read = await table.GetEntityAsync("p", "r");
        Assert.Equal("yes", read!.GetString("Kept"));
        Assert.False(read.Properties.ContainsKey("Nothing"));
    }

    [Fact]
    public async Task Table_NeverCreated_Throws404TableNotFoundOnEveryOperation()
    {
        var table = Account.GetTableClient(NewTableName());

        Assert.Equal(StorageErrorCodes.TableNotFound, (await FailsWith(404, () => table.AddEntityAsync(Row("p", "r")))).ErrorCode);
        Assert.Equal(StorageErrorCodes.TableNotFound, (await FailsWith(404, () => table.UpsertEntityAsync(Row("p", "r")))).ErrorCode);
        Assert.Equal(StorageErrorCodes.TableNotFound, (await FailsWith(404, () => table.QueryAsync(TableQuery.Partition("p")))).ErrorCode);
        Assert.Equal(StorageErrorCodes.TableNotFound, (await FailsWith(404, () => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, Row("p", "r"))]))).ErrorCode);
    }

    [Fact]
    public async Task Table_CreateIfNotExistsTwice_KeepsTheRows()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Row("p", "r"));

        await table.CreateIfNotExistsAsync();
        await Account.GetTableClient(table.Name).CreateIfNotExistsAsync();

        Assert.NotNull(await Account.GetTableClient(table.Name).GetEntityAsync("p", "r"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("ab-cd")]
    [InlineData("ab_cd")]
    [InlineData("")]
    public void TableName_Invalid_Throws400(string name)
    {
        var e = Assert.ThrowsAny<RequestFailedException>(() =>
        {
            var table = Account.GetTableClient(name);
            table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
        });
        Assert.Equal(400, e.Status);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u007fb")]
    public async Task Keys_WithForbiddenCharacters_Throw400AndWriteNothing(string key)
    {
        var table = await NewTableAsync();

        await FailsWith(400, () => table.AddEntityAsync(Row(key, "r")));
        await FailsWith(400, () => table.AddEntityAsync(Row("p", key)));
        await FailsWith(400, () => table.UpsertEntityAsync(Row("p", key)));

        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }

    [Fact]
    public async Task Keys_Of512CharactersFit_513Throw400()
    {
        var table = await NewTableAsync();

        await table.AddEntityAsync(Row("p", new string('k', 512)));
        await FailsWith(400, () => table.AddEntityAsync(Row("p", new string('k', 513))));

        Assert.Single((await table.QueryAsync(TableQuery.Partition("p"))).Entities);
    }

    [Fact]
    public async Task Keys_ChineseAndPunctuation_AreAccepted()
    {
        var table = await NewTableAsync();

        await table.AddEntityAsync(Row("区县:330106", "2026-09-18T09:30:00+08:00|申请'1'"));

        Assert.NotNull(await table.GetEntityAsync("区县:330106", "2026-09-18T09:30:00+08:00|申请'1'"));
    }

    [Fact]
    public async Task Entity_ParallelETagCheckedUpdates_ExactlyOneWriterWinsEachRound()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Row("p", "counter", 0));
        const int writers = 8;
        const int rounds = 10;

        for (var round = 1; round <= rounds; round++)
        {
            var current = await table.GetEntityAsync("p", "counter");
            var etag = current!.ETag;
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await table.UpdateEntityAsync(new TableEntity("p", "counter") { ["Value"] = (long)round, ["Writer"] = w }, etag);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    return false;
                }
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(attempts);

            Assert.Equal(1, results.Count(won => won));
            Assert.Equal(round, (await table.GetEntityAsync("p", "counter"))!.GetInt64("Value"));
        }
    }

    [Fact]
    public async Task Entity_StringOver32KCharacters_Throws400()
    {
        var table = await NewTableAsync();

        await FailsWith(400, () => table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = new string('x', 32 * 1024 + 1) }));

        Assert.Null(await table.GetEntityAsync("p", "r"));
    }
}
