using Azure;

namespace PowerFunctions.Storage.Tests.Contract;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Transaction_MixedActions_AllCommitWithTheirETags()
    {
        var table = await NewTableAsync();
        var toUpdate = await table.AddEntityAsync(Row("p", "update", 1));
        await table.AddEntityAsync(Row("p", "delete", 1));
        await table.AddEntityAsync(Row("p", "upsert", 1));

        var etags = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row("p", "add", 2)),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row("p", "update", 2), toUpdate),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("p", "upsert", 2)),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("p", "upsert-new", 2)),
            new TableTransactionAction(TableTransactionActionType.Delete, Row("p", "delete"), ETag.All),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.Equal(etags[0], (await table.GetEntityAsync("p", "add"))!.ETag);
        Assert.Equal(etags[1], (await table.GetEntityAsync("p", "update"))!.ETag);
        Assert.NotEqual(toUpdate, etags[1]);
        Assert.Equal(etags[2], (await table.GetEntityAsync("p", "upsert"))!.ETag);
        Assert.Equal(etags[3], (await table.GetEntityAsync("p", "upsert-new"))!.ETag);
        Assert.Null(await table.GetEntityAsync("p", "delete"));
        var rows = await TableRows.AllAsync(table, TableQuery.Partition("p"));
        Assert.All(rows, r => Assert.Equal(2, r.GetInt64("Value")));
    }

    [Fact]
    public async Task Transaction_AddOfExistingRowAtIndex3_RollsBackEverythingAndNamesTheIndex()
    {
        var table = await NewTableAsync();
        var existing = await table.AddEntityAsync(Row("p", "r3", 100));
        var other = await table.AddEntityAsync(Row("p", "other", 100));
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, Row("p", "r0")),
            new(TableTransactionActionType.UpsertReplace, Row("p", "r1")),
            new(TableTransactionActionType.UpdateReplace, Row("p", "other", 1), other),
            new(TableTransactionActionType.Add, Row("p", "r3")),
            new(TableTransactionActionType.Add, Row("p", "r4")),
        };

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, e.Status);
        Assert.Equal(3, e.FailedActionIndex);
        Assert.Equal(StorageErrorCodes.EntityAlreadyExists, e.ErrorCode);
        var rows = await TableRows.AllAsync(table, TableQuery.Partition("p"));
        Assert.Equal(new[] { "other", "r3" }, rows.Select(r => r.RowKey));
        Assert.Equal(other, rows[0].ETag);
        Assert.Equal(100, rows[0].GetInt64("Value"));
        Assert.Equal(existing, rows[1].ETag);
    }

    [Fact]
    public async Task Transaction_StaleETag_Throws412RollsBackAndNamesTheIndex()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(Row("p", "r", 1));
        await table.UpdateEntityAsync(Row("p", "r", 2), ETag.All);

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row("p", "new")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row("p", "r", 3), stale),
        ]));

        Assert.Equal(412, e.Status);
        Assert.Equal(1, e.FailedActionIndex);
        Assert.Null(await table.GetEntityAsync("p", "new"));
        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!.GetInt64("Value"));
    }

    [Fact]
    public async Task Transaction_DeleteOfMissingRow_Throws404AndRollsBack()
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row("p", "new")),
            new TableTransactionAction(TableTransactionActionType.Delete, Row("p", "missing"), ETag.All),
        ]));

        Assert.Equal(404, e.Status);
        Assert.Equal(1, e.FailedActionIndex);
        Assert.Null(await table.GetEntityAsync("p", "new"));
    }

    [Fact]
    public async Task Transaction_UpdateOfMissingRow_Throws404AndRollsBack()
    {
        var table = await NewTableAsync();

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("p", "new")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row("p", "missing"), ETag.All),
        ]));

        Assert.Equal(404, e.Status);
        Assert.Equal(1, e.FailedActionIndex);
        Assert.Null(await table.GetEntityAsync("p", "new"));
    }

    [Fact]
    public async Task Transaction_Of100Actions_Commits()
    {
        var table = await NewTableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row("p", $"r{i:D3}")))
            .ToList());

        Assert.Equal(100, (await TableRows.AllAsync(table, TableQuery.Partition("p"))).Count);
    }

    public static TheoryData<string> InvalidBatches() => ["empty", "101 actions", "two partitions", "duplicate row"];

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task Transaction_BreakingTheRules_Throws400AndWritesNothing(string batch)
    {
        var table = await NewTableAsync();
        List<TableTransactionAction> actions = batch switch
        {
            "empty" => [],
            "101 actions" => Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row("p", $"r{i:D3}"))).ToList(),
            "two partitions" =>
            [
                new(TableTransactionActionType.Add, Row("p", "r1")),
                new(TableTransactionActionType.Add, Row("q", "r2")),
            ],
            _ =>
            [
                new(TableTransactionActionType.Add, Row("p", "r1")),
                new(TableTransactionActionType.UpsertReplace, Row("p", "r2")),
                new(TableTransactionActionType.UpsertReplace, Row("p", "r1")),
            ],
        };

        await FailsWith(400, () => table.SubmitTransactionAsync(actions));

        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }

    [Fact]
    public async Task Transaction_WithAnInvalidKey_Throws400AndWritesNothing()
    {
        var table = await NewTableAsync();

        await FailsWith(400, () => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Row("p", "good")),
            new TableTransactionAction(TableTransactionActionType.Add, Row("p", "bad/key")),
        ]));

        Assert.Empty((await table.QueryAsync(new TableQuery())).Entities);
    }
}
