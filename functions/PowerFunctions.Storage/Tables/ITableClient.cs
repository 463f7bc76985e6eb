using Azure;

namespace PowerFunctions.Storage;

/// <summary>
/// The subset of Azure's <c>TableClient</c> the app needs. Failures throw
/// <see cref="RequestFailedException"/> with Azure's status and <see cref="StorageErrorCodes"/>:
/// 409 on a create-only write that finds the entity, 412 on an ETag mismatch, 404 when missing.
/// </summary>
public interface ITableClient
{
    string Name { get; }

    /// <summary>Creates the table if it does not exist; safe to call at every start.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity, or null when there is none (not an exception: absence is expected).</summary>
    Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Create-only (<c>If-None-Match: *</c>): 409 <see cref="StorageErrorCodes.EntityAlreadyExists"/> if present. Returns the new ETag.</summary>
    Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Replaces the entity when its ETag matches <paramref name="ifMatch"/> (<see cref="ETag.All"/> for any); 412 otherwise, 404 if missing.</summary>
    Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces, unconditionally.</summary>
    Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Deletes when the ETag matches (<see cref="ETag.All"/> for any); deleting a missing entity is not an error.</summary>
    Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default);

    /// <summary>One page of entities ordered by partition key then row key.</summary>
    Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// An entity-group transaction: all operations commit or none does. Every action must be in one
    /// partition, no row twice, at most <see cref="TableTransaction.MaxActions"/>; otherwise 400 before
    /// anything is written. A failing action throws <see cref="TableTransactionFailedException"/>
    /// naming its index. Returns the new ETags in action order (default for deletes).
    /// </summary>
    Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}
