namespace PowerFunctions.Storage;

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);
