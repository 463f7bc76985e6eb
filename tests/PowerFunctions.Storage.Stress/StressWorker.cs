using Azure;

namespace PowerFunctions.Storage.Stress;

/// <summary>The work each process (and the test itself) does against the shared table.</summary>
public static class StressWorker
{
    public const string CounterPartition = "counter";
    public const string CounterRow = "total";
    public const string RowsPartition = "rows";

    /// <summary>Creates the table and the counter (at 0) unless another worker already did.</summary>
    public static async Task PrepareAsync(ITableClient table, CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(CounterPartition, CounterRow) { ["Value"] = 0L }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    /// <summary>Runs <paramref name="count"/> rounds; returns how many ETag conflicts it retried.</summary>
    public static async Task<int> RunAsync(ITableClient table, string worker, int count, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                var counter = await table.GetEntityAsync(CounterPartition, CounterRow, cancellationToken)
                    ?? throw new InvalidOperationException("the counter entity is missing");
                var next = new TableEntity(CounterPartition, CounterRow) { ["Value"] = counter.GetInt64("Value")!.Value + 1 };
                try
                {
                    await table.UpdateEntityAsync(next, counter.ETag, cancellationToken);
                    break;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    conflicts++;
                }
            }

            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(RowsPartition, $"{worker}-{i:D6}") { ["Worker"] = worker, ["Index"] = i }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(RowsPartition, $"~progress-{worker}") { ["Done"] = i + 1 }),
            ], cancellationToken);
        }

        return conflicts;
    }

    /// <summary>
    /// <paramref name="writers"/> concurrent <see cref="RunAsync"/>s, as workers <c>{worker}.{k}</c>;
    /// returns the ETag conflicts they retried.
    /// </summary>
    public static async Task<int> RunConcurrentAsync(ITableClient table, string worker, int count, int writers, CancellationToken cancellationToken)
    {
        var conflicts = await Task.WhenAll(Enumerable.Range(0, writers).Select(k => Task.Run(() => RunAsync(table, WriterId(worker, k), count, cancellationToken), cancellationToken)));
        return conflicts.Sum();
    }

    /// <summary>The worker id of concurrent writer <paramref name="k"/> of <paramref name="worker"/>.</summary>
    public static string WriterId(string worker, int k) => $"{worker}.{k}";
}
