namespace PowerFunctions.Storage.Tests;

/// <summary>Reading whole tables in tests, page by page, whatever the adapter.</summary>
internal static class TableRows
{
    /// <summary>Every row <paramref name="query"/> matches, following continuation tokens to the end (10,000 pages at most).</summary>
    public static async Task<List<TableEntity>> AllAsync(ITableClient table, TableQuery query)
    {
        var all = new List<TableEntity>();
        var current = query;
        for (var pages = 0; pages < 10_000; pages++)
        {
            var page = await table.QueryAsync(current);
            all.AddRange(page.Entities);
            if (page.ContinuationToken is null)
            {
                return all;
            }

            current = current with { ContinuationToken = page.ContinuationToken };
        }

        throw new InvalidOperationException("the query never ended");
    }
}
