namespace PowerFunctions.Storage;

/// <summary>
/// A structured query: an exact partition (or a partition range) and a row-key range, never a raw
/// filter string, so no caller can break or widen a query with a quote in a key. The Azure adapter
/// turns it into an OData filter escaped by the SDK's <c>TableClient.CreateQueryFilter</c>; the embedded
/// adapter into SQL parameters.
/// </summary>
public sealed record TableQuery
{
    /// <summary>Exactly this partition (takes precedence over the range).</summary>
    public string? PartitionKey { get; init; }

    /// <summary>Partitions from here (inclusive).</summary>
    public string? PartitionKeyFrom { get; init; }

    /// <summary>Partitions up to here (exclusive).</summary>
    public string? PartitionKeyTo { get; init; }

    /// <summary>Rows from here (inclusive).</summary>
    public string? RowKeyFrom { get; init; }

    /// <summary>Rows up to here (exclusive).</summary>
    public string? RowKeyTo { get; init; }

    /// <summary>Page size, 1–1000 (Azure's maximum).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The token from the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Every row of one partition.</summary>
    public static TableQuery Partition(string partitionKey) => new() { PartitionKey = partitionKey };

    /// <summary>The rows of a partition whose key starts with <paramref name="prefix"/>.</summary>
    public static TableQuery RowPrefix(string partitionKey, string prefix) => new()
    {
        PartitionKey = partitionKey,
        RowKeyFrom = prefix,
        RowKeyTo = prefix + '\uffff',
    };
}
