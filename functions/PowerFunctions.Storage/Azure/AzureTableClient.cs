using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="ITableClient"/> over the Table service REST API (JSON, OData v3). Keys are validated
/// before any request; filters are built from <see cref="TableQuery"/> with escaped literals; entity
/// groups go as one <c>$batch</c> after <see cref="TableTransaction.Validate"/> (Azurite enforces
/// none of the rules, Azure does: we check so both behave alike).
/// </summary>
public sealed class AzureTableClient : ITableClient
{
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";

    private readonly StorageEndpoint _endpoint;

    internal AzureTableClient(StorageEndpoint endpoint, string name)
    {
        StorageNames.ValidateTableName(name);
        _endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _endpoint.CreateMessage(RequestMethod.Post, "Tables");
        SetTableHeaders(message.Request, NoMetadata);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Headers.SetValue("Content-Type", NoMetadata);
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 or 409)
        {
            return;
        }

        throw AzureErrors.From(response, $"creating table '{Name}'");
    }

    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        ValidateKeys(partitionKey, rowKey);
        using var message = _endpoint.CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        SetTableHeaders(message.Request, MinimalMetadata);
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityJson.Read(json.RootElement, response.Headers.ETag?.ToString());
        }

        var error = AzureErrors.From(response, Describe(partitionKey, rowKey));
        if (error.ErrorCode == StorageErrorCodes.ResourceNotFound)
        {
            return null;
        }

        throw error;
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity.PartitionKey, entity.RowKey);
        using var message = _endpoint.CreateMessage(RequestMethod.Post, StorageEndpoint.EncodeSegment(Name));
        SetEntityBody(message, entity);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 201 or 204
            ? RequireETag(response)
            : throw AzureErrors.From(response, Describe(entity.PartitionKey, entity.RowKey));
    }

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        PutAsync(entity, TableBatch.IfMatch(ifMatch), cancellationToken);

    public Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        PutAsync(entity, null, cancellationToken);

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ValidateKeys(partitionKey, rowKey);
        using var message = _endpoint.CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        SetTableHeaders(message.Request, MinimalMetadata);
        message.Request.Headers.SetValue("If-Match", TableBatch.IfMatch(ifMatch));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 204 or 200)
        {
            return;
        }

        var error = AzureErrors.From(response, Describe(partitionKey, rowKey));
        if (error.ErrorCode != StorageErrorCodes.ResourceNotFound)
        {
            throw error;
        }
    }

    public async Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw StorageErrors.InvalidInput($"page size {query.PageSize} is outside 1-1000");
        }

        var filter = ODataFilter.Build(query);
        var (nextPartition, nextRow) = query.ContinuationToken is null ? (null, null) : TableContinuationToken.Unpack(query.ContinuationToken);
        while (true)
        {
            using var message = _endpoint.CreateMessage(
                RequestMethod.Get,
                StorageEndpoint.EncodeSegment(Name) + "()",
                ("$filter", filter),
                ("$top", query.PageSize.ToString(CultureInfo.InvariantCulture)),
                ("NextPartitionKey", nextPartition),
                ("NextRowKey", nextRow));
            SetTableHeaders(message.Request, MinimalMetadata);
            var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw AzureErrors.From(response, $"querying table '{Name}'");
            }

            var entities = new List<TableEntity>();
            using (var json = JsonDocument.Parse(response.Content.ToMemory()))
            {
                foreach (var element in json.RootElement.GetProperty("value").EnumerateArray())
                {
                    entities.Add(TableEntityJson.Read(element));
                }
            }

            nextPartition = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var np) ? np : null;
            nextRow = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nr) ? nr : null;
            var token = TableContinuationToken.Pack(nextPartition, nextRow);

            // Azure may answer an empty page that still continues (a partition-server boundary): follow it
            if (entities.Count > 0 || token is null)
            {
                return new TablePage(entities, token);
            }
        }
    }

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransaction.Validate(actions);
        foreach (var action in actions)
        {
            ValidateKeys(action.Entity.PartitionKey, action.Entity.RowKey);
        }

        var (body, contentType) = TableBatch.Build(
            _endpoint.Url(StorageEndpoint.EncodeSegment(Name)),
            actions,
            (pk, rk) => _endpoint.Url(EntityPath(pk, rk)));
        using var message = _endpoint.CreateMessage(RequestMethod.Post, "$batch");
        SetTableHeaders(message.Request, "application/json");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw AzureErrors.From(response, $"a transaction on table '{Name}'");
        }

        var parts = TableBatch.Parse(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 300);
        if (failed is not null)
        {
            var index = TableBatch.FailedIndex(failed, parts, actions.Count);
            var action = actions[index];
            var error = AzureErrors.Map(failed.Status, AzureErrors.ParseBody(failed.Body), $"action {index} ({action.ActionType}) on {Describe(action.Entity.PartitionKey, action.Entity.RowKey)}", response.Headers.RequestId);
            throw new TableTransactionFailedException(index, error);
        }

        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status, $"the batch answered {parts.Count} responses for {actions.Count} actions", "InvalidResponse", null);
        }

        return parts.Select((p, i) => actions[i].ActionType == TableTransactionActionType.Delete || !p.Headers.TryGetValue("ETag", out var etag) ? default : new ETag(etag)).ToList();
    }

    private async Task<ETag> PutAsync(TableEntity entity, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity.PartitionKey, entity.RowKey);
        using var message = _endpoint.CreateMessage(RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        SetEntityBody(message, entity);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 200 or 201
            ? RequireETag(response)
            : throw AzureErrors.From(response, Describe(entity.PartitionKey, entity.RowKey));
    }

    private static void SetEntityBody(HttpMessage message, TableEntity entity)
    {
        SetTableHeaders(message.Request, NoMetadata);
        message.Request.Headers.SetValue("Content-Type", NoMetadata);
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
    }

    private static void SetTableHeaders(Request request, string accept)
    {
        request.Headers.SetValue("Accept", accept);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
    }

    private static ETag RequireETag(Response response) =>
        response.Headers.ETag ?? throw new RequestFailedException(response.Status, "the table service answered without an ETag", "InvalidResponse", null);

    private static void ValidateKeys(string partitionKey, string rowKey)
    {
        StorageNames.ValidateKey(partitionKey, "PartitionKey");
        StorageNames.ValidateKey(rowKey, "RowKey");
    }

    private string EntityPath(string partitionKey, string rowKey) => StorageEndpoint.EncodeSegment(Name) + ODataFilter.EntityKeyPath(partitionKey, rowKey);

    private string Describe(string partitionKey, string rowKey) => $"entity ({partitionKey}, {rowKey}) of table '{Name}'";
}
