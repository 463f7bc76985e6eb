using Azure;
using Azure.Core;
using SdkAction = Azure.Data.Tables.TableTransactionAction;
using SdkActionType = Azure.Data.Tables.TableTransactionActionType;
using SdkEntity = Azure.Data.Tables.TableEntity;
using SdkTableClient = Azure.Data.Tables.TableClient;
using SdkTransactionFailedException = Azure.Data.Tables.TableTransactionFailedException;
using TableServiceClient = Azure.Data.Tables.TableServiceClient;
using TableUpdateMode = Azure.Data.Tables.TableUpdateMode;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="ITableClient"/> on the SDK's <c>TableClient</c>. Our update and upsert replace (never
/// merge); a missing entity reads as null; queries are built from <see cref="TableQuery"/> by
/// <c>TableClient.CreateQueryFilter</c>, which escapes every key; the SDK's continuation token is
/// passed through as it is. Transactions are checked with <see cref="TableTransaction.Validate"/>
/// before sending (Azurite enforces none of the rules, Azure does), and a failing action comes back as
/// our <see cref="TableTransactionFailedException"/> naming its index.
/// </summary>
public sealed class AzureTableClient : ITableClient
{
    private readonly SdkTableClient _table;

    internal AzureTableClient(TableServiceClient service, string name)
    {
        StorageNames.ValidateTableName(name);
        _table = service.GetTableClient(name);
        Name = name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        AzureErrors.Run($"creating table '{Name}'", () => _table.CreateIfNotExistsAsync(cancellationToken));

    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableEntityMapping.ValidateKeys(partitionKey, rowKey);
        var response = await AzureErrors.Run(Describe(partitionKey, rowKey), () => _table.GetEntityIfExistsAsync<SdkEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (response.HasValue)
        {
            return TableEntityMapping.FromSdk(response.Value!);
        }

        ThrowIfTableMissing(response.GetRawResponse());
        return null;
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var sdk = TableEntityMapping.ToSdk(entity);
        var response = await AzureErrors.Run(Describe(entity.PartitionKey, entity.RowKey), () => _table.AddEntityAsync(sdk, cancellationToken)).ConfigureAwait(false);
        return Stamp(entity, response);
    }

    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var sdk = TableEntityMapping.ToSdk(entity);
        var response = await AzureErrors.Run(Describe(entity.PartitionKey, entity.RowKey), () => _table.UpdateEntityAsync(sdk, AnyWhenDefault(ifMatch), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        return Stamp(entity, response);
    }

    public async Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var sdk = TableEntityMapping.ToSdk(entity);
        var response = await AzureErrors.Run(Describe(entity.PartitionKey, entity.RowKey), () => _table.UpsertEntityAsync(sdk, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        return Stamp(entity, response);
    }

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableEntityMapping.ValidateKeys(partitionKey, rowKey);

        // the SDK answers a missing entity with its 404 response instead of an exception: that is success
        var response = await AzureErrors.Run(Describe(partitionKey, rowKey), () => _table.DeleteEntityAsync(partitionKey, rowKey, AnyWhenDefault(ifMatch), cancellationToken)).ConfigureAwait(false);
        ThrowIfTableMissing(response);
    }

    public async Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw StorageErrors.InvalidInput($"a page holds 1 to 1000 entities, not {query.PageSize}");
        }

        var pages = _table.QueryAsync<SdkEntity>(Filter(query), query.PageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, query.PageSize);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;

                // Azure may answer an empty page that still continues (a partition-server boundary): follow it
                if (page.Values.Count > 0 || next is null)
                {
                    return new TablePage(page.Values.Select(TableEntityMapping.FromSdk).ToList(), next);
                }
            }
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, $"querying table '{Name}'");
        }

        return new TablePage([], null);
    }

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransaction.Validate(actions);
        var sdkActions = actions.Select(ToSdk).ToList(); // keys and properties checked: 400 before anything is sent
        Response<IReadOnlyList<Response>> response;
        try
        {
            response = await _table.SubmitTransactionAsync(sdkActions, cancellationToken).ConfigureAwait(false);
        }
        catch (SdkTransactionFailedException e) when (e.FailedTransactionActionIndex is int index && index < actions.Count && e.ErrorCode != "TableNotFound")
        {
            var entity = actions[index].Entity;
            throw new TableTransactionFailedException(index, AzureErrors.Map(e, $"action {index} ({actions[index].ActionType}) on {Describe(entity.PartitionKey, entity.RowKey)}"));
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, $"a transaction on table '{Name}'");
        }

        var etags = new ETag[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].ActionType != TableTransactionActionType.Delete)
            {
                etags[i] = Stamp(actions[i].Entity, response.Value[i]);
            }
        }

        return etags;
    }

    /// <summary>The OData filter of a structured query, every key escaped by the SDK; null reads the whole table.</summary>
    private static string? Filter(TableQuery query)
    {
        var clauses = new List<string>();
        if (query.PartitionKey is { } partition)
        {
            clauses.Add(SdkTableClient.CreateQueryFilter($"PartitionKey eq {partition}"));
        }
        else
        {
            if (query.PartitionKeyFrom is { } from)
            {
                clauses.Add(SdkTableClient.CreateQueryFilter($"PartitionKey ge {from}"));
            }

            if (query.PartitionKeyTo is { } to)
            {
                clauses.Add(SdkTableClient.CreateQueryFilter($"PartitionKey lt {to}"));
            }
        }

        if (query.RowKeyFrom is { } rowFrom)
        {
            clauses.Add(SdkTableClient.CreateQueryFilter($"RowKey ge {rowFrom}"));
        }

        if (query.RowKeyTo is { } rowTo)
        {
            clauses.Add(SdkTableClient.CreateQueryFilter($"RowKey lt {rowTo}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static SdkAction ToSdk(TableTransactionAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var entity = action.Entity;
        switch (action.ActionType)
        {
            case TableTransactionActionType.Add:
                return new SdkAction(SdkActionType.Add, TableEntityMapping.ToSdk(entity));
            case TableTransactionActionType.UpdateReplace:
                return new SdkAction(SdkActionType.UpdateReplace, TableEntityMapping.ToSdk(entity), AnyWhenDefault(action.IfMatch));
            case TableTransactionActionType.UpsertReplace:
                return new SdkAction(SdkActionType.UpsertReplace, TableEntityMapping.ToSdk(entity));
            case TableTransactionActionType.Delete:
                TableEntityMapping.ValidateKeys(entity.PartitionKey, entity.RowKey);
                return new SdkAction(SdkActionType.Delete, new SdkEntity(entity.PartitionKey, entity.RowKey), AnyWhenDefault(action.IfMatch));
            default:
                throw StorageErrors.InvalidTransaction($"unknown transaction action {action.ActionType}");
        }
    }

    /// <summary>No ETag given means any version, as on the embedded adapter.</summary>
    private static ETag AnyWhenDefault(ETag ifMatch) => ifMatch == default ? ETag.All : ifMatch;

    /// <summary>Sets the new ETag and time on the entity written, as the embedded adapter does, and returns the ETag.</summary>
    private static ETag Stamp(TableEntity entity, Response response)
    {
        entity.ETag = response.Headers.ETag ?? throw new RequestFailedException(response.Status, "the table service answered a write without an ETag", "InvalidResponse", null);
        entity.Timestamp = response.Headers.Date;
        return entity.ETag;
    }

    /// <summary>The SDK returns a 404 without throwing for a missing entity; a missing table is an error on our port.</summary>
    private void ThrowIfTableMissing(Response response)
    {
        if (response.Status == 404 && response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound")
        {
            throw new RequestFailedException(404, $"table '{Name}' was not found", StorageErrorCodes.TableNotFound, null);
        }
    }

    private string Describe(string partitionKey, string rowKey) => $"entity ({partitionKey}, {rowKey}) of table '{Name}'";
}
