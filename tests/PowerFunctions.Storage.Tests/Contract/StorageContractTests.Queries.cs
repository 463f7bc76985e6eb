namespace PowerFunctions.Storage.Tests.Contract;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task Query_Partition_ReturnsOnlyThatPartitionInOrdinalRowOrder()
    {
        var table = await NewTableAsync();
        foreach (var rk in new[] { "b", "B", "a", "10", "9", "aa" })
        {
            await table.AddEntityAsync(Row("p1", rk));
        }

        await table.AddEntityAsync(Row("p0", "x"));
        await table.AddEntityAsync(Row("p2", "x"));

        var rows = await TableRows.AllAsync(table, TableQuery.Partition("p1"));

        Assert.Equal(new[] { "10", "9", "B", "a", "aa", "b" }, rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal("p1", r.PartitionKey));
        Assert.All(rows, r => Assert.NotEqual(default, r.ETag));
    }

    [Fact]
    public async Task Query_RowRange_IsInclusiveFromExclusiveTo()
    {
        var table = await NewTableAsync();
        foreach (var rk in new[] { "2026-01", "2026-02", "2026-03", "2026-04" })
        {
            await table.AddEntityAsync(Row("p", rk));
        }

        var rows = await TableRows.AllAsync(table, new TableQuery { PartitionKey = "p", RowKeyFrom = "2026-02", RowKeyTo = "2026-04" });

        Assert.Equal(new[] { "2026-02", "2026-03" }, rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task Query_RowPrefix_ReturnsExactlyTheRowsStartingWithIt()
    {
        var table = await NewTableAsync();
        foreach (var rk in new[] { "case-", "case-1", "case-10", "case-2", "casf", "cas", "case~", "other" })
        {
            await table.AddEntityAsync(Row("p", rk));
        }

        await table.AddEntityAsync(Row("q", "case-1"));

        var rows = await TableRows.AllAsync(table, TableQuery.RowPrefix("p", "case-"));

        Assert.Equal(new[] { "case-", "case-1", "case-10", "case-2" }, rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task Query_PartitionRange_CoversFromInclusiveToExclusiveInKeyOrder()
    {
        var table = await NewTableAsync();
        foreach (var pk in new[] { "2026-09-17", "2026-09-18", "2026-09-19", "2026-09-20" })
        {
            await table.AddEntityAsync(Row(pk, "b"));
            await table.AddEntityAsync(Row(pk, "a"));
        }

        var rows = await TableRows.AllAsync(table, new TableQuery { PartitionKeyFrom = "2026-09-18", PartitionKeyTo = "2026-09-20" });

        Assert.Equal(
            new[] { "2026-09-18/a", "2026-09-18/b", "2026-09-19/a", "2026-09-19/b" },
            rows.Select(r => $"{r.PartitionKey}/{r.RowKey}"));
    }

    [Fact]
    public async Task Query_PartitionRangeWithRowRange_FiltersRowsInEveryPartition()
    {
        var table = await NewTableAsync();
        foreach (var pk in new[] { "a", "b", "c" })
        {
            foreach (var rk in new[] { "1", "2", "3" })
            {
                await table.AddEntityAsync(Row(pk, rk));
            }
        }

        var rows = await TableRows.AllAsync(table, new TableQuery { PartitionKeyFrom = "a", PartitionKeyTo = "c", RowKeyFrom = "2", RowKeyTo = "3", PageSize = 1 });

        Assert.Equal(new[] { "a/2", "b/2" }, rows.Select(r => $"{r.PartitionKey}/{r.RowKey}"));
    }

    [Fact]
    public async Task Query_2500RowsInPagesOf1000_ReturnsEveryRowExactlyOnceInOrder()
    {
        var table = await NewTableAsync();
        const int count = 2500;
        for (var batch = 0; batch < count / 100; batch++)
        {
            var pk = $"p{batch % 3}";
            var actions = Enumerable.Range(0, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row(pk, $"r{batch:D3}-{i:D3}", (batch * 100) + i)))
                .ToList();
            await table.SubmitTransactionAsync(actions);
        }

        var pages = 0;
        var rows = new List<TableEntity>();
        var query = new TableQuery();
        while (true)
        {
            var page = await table.QueryAsync(query);
            pages++;
            Assert.True(page.Entities.Count <= 1000);
            rows.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }

        Assert.True(pages >= 3);
        Assert.Equal(count, rows.Count);
        Assert.Equal(count, rows.Select(r => r.GetInt64("Value")).Distinct().Count());
        var keys = rows.Select(r => (r.PartitionKey, r.RowKey)).ToList();
        var sorted = keys.OrderBy(k => k.PartitionKey, StringComparer.Ordinal).ThenBy(k => k.RowKey, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public async Task Query_SmallPages_FollowTheTokenAcrossPartitions()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 7; i++)
        {
            await table.AddEntityAsync(Row($"p{i % 2}", $"r{i}", i));
        }

        var rows = await TableRows.AllAsync(table, new TableQuery { PageSize = 2 });

        Assert.Equal(new[] { "p0/r0", "p0/r2", "p0/r4", "p0/r6", "p1/r1", "p1/r3", "p1/r5" }, rows.Select(r => $"{r.PartitionKey}/{r.RowKey}"));
    }

    [Fact]
    public async Task Query_EmptyPartition_ReturnsNoRowsAndNoToken()
    {
        var table = await NewTableAsync();

        var page = await table.QueryAsync(TableQuery.Partition("nothing"));

        Assert.Empty(page.Entities);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Query_PageSizeOutOfRange_Throws400(int pageSize)
    {
        var table = await NewTableAsync();

        await FailsWith(400, () => table.QueryAsync(new TableQuery { PageSize = pageSize }));
    }
}
