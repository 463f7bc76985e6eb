using Azure;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Documents.Storage;

/// <summary>
/// Where sealed documents live: create-only blobs in container <c>documents</c> under
/// <c>cases/{caseNo}/{id}.pdf</c> and <c>.seal.json</c>, and table <c>documents</c> with a row per id
/// (partition = id) and a row per SHA-256 (partition = <c>sha256-{hex}</c>) pointing back to the id. Blobs are
/// stored sealed (<see cref="BlobSeal"/>: encrypted, bound to their name); callers see the plain file.
/// </summary>
public sealed class DocumentStore(IStorageAccount storage, BlobSeal seal)
{
    public const string ContainerName = "documents";
    public const string TableName = "documents";
    private const string RowKey = "document";

    private ITableClient Table => storage.GetTableClient(TableName);

    private IBlobContainerClient Container => storage.GetBlobContainerClient(ContainerName);

    public static string PdfBlobName(string caseNo, string id) => $"{CaseFolder(caseNo)}/{id}.pdf";

    public static string SealBlobName(string caseNo, string id) => $"{CaseFolder(caseNo)}/{id}.seal.json";

    /// <summary>Where a case's documents go: <c>cases/{caseNo}</c>.</summary>
    public static string CaseFolder(string caseNo) => $"cases/{caseNo}";

    /// <summary>The PDF's blob name of <paramref name="request"/>: under its <see cref="DocumentRequest.StorageFolder"/>, else its case's folder.</summary>
    public static string PdfBlobName(DocumentRequest request) => $"{request.StorageFolder ?? CaseFolder(request.CaseNo)}/{request.DocumentId}.pdf";

    /// <summary>The seal's blob name of <paramref name="request"/>, beside the PDF.</summary>
    public static string SealBlobName(DocumentRequest request) => $"{request.StorageFolder ?? CaseFolder(request.CaseNo)}/{request.DocumentId}.seal.json";

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityAsync(id, RowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>The id of the document whose file has this SHA-256, or null.</summary>
    public async Task<string?> FindIdBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityAsync(HashPartition(sha256), RowKey, cancellationToken).ConfigureAwait(false);
        return entity?.GetString("DocumentId");
    }

    /// <summary>Uploads create-only; false when a blob of that name exists (the store answered 409).</summary>
    public async Task<bool> TryCreateBlobAsync(string name, byte[] content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        try
        {
            await Container.UploadAsync(name, seal.Seal(ContainerName, name, content), contentType, metadata, overwrite: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The file, or null when there is none; throws <see cref="InvalidDataException"/> when the stored blob does not open (altered, moved, or its key no longer listed).</summary>
    public Task<byte[]?> DownloadAsync(string name, CancellationToken cancellationToken) =>
        seal.ReadAsync(Container, name, cancellationToken);

    /// <summary>Writes the index rows create-only; answers the row that is there when another writer won.</summary>
    public async Task<DocumentRecord> AddAsync(DocumentRecord record, CancellationToken cancellationToken)
    {
        DocumentRecord stored;
        try
        {
            await Table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            stored = record;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            stored = await FindAsync(record.Id, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"document {record.Id} conflicts but cannot be read", e);
        }

        var hash = new TableEntity(HashPartition(stored.Sha256), RowKey) { ["DocumentId"] = stored.Id };
        try
        {
            await Table.AddEntityAsync(hash, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Written by an earlier attempt: same hash, same document.
        }

        return stored;
    }

    private static string HashPartition(string sha256) => "sha256-" + sha256.ToLowerInvariant();

    private static TableEntity ToEntity(DocumentRecord r) => new(r.Id, RowKey)
    {
        ["Type"] = r.Type.ToString(),
        ["CaseNo"] = r.CaseNo,
        ["DepartmentCode"] = r.DepartmentCode,
        ["DepartmentName"] = r.DepartmentName,
        ["BlobName"] = r.BlobName,
        ["SealBlobName"] = r.SealBlobName,
        ["Sha256"] = r.Sha256,
        ["SealId"] = r.SealId,
        ["Length"] = r.Length,
        ["SealedAt"] = r.SealedAt,
        ["ContentDigest"] = r.ContentDigest,
    };

    private static DocumentRecord ToRecord(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        Type = Enum.Parse<DocumentType>(e.GetString("Type") ?? throw Missing(e, "Type")),
        CaseNo = e.GetString("CaseNo") ?? throw Missing(e, "CaseNo"),
        DepartmentCode = e.GetString("DepartmentCode") ?? throw Missing(e, "DepartmentCode"),
        DepartmentName = e.GetString("DepartmentName") ?? string.Empty,
        BlobName = e.GetString("BlobName") ?? throw Missing(e, "BlobName"),
        SealBlobName = e.GetString("SealBlobName") ?? throw Missing(e, "SealBlobName"),
        Sha256 = e.GetString("Sha256") ?? throw Missing(e, "Sha256"),
        SealId = e.GetString("SealId") ?? string.Empty,
        Length = e.GetInt64("Length") ?? 0,
        SealedAt = e.GetDateTimeOffset("SealedAt") ?? default,
        ContentDigest = e.GetString("ContentDigest") ?? string.Empty,
    };

    private static InvalidOperationException Missing(TableEntity e, string property) =>
        new($"document row {e.PartitionKey} has no {property}");
}
