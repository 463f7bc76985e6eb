using Azure;

namespace PowerFunctions.Storage;

/// <summary>
/// The subset of Azure's <c>BlobContainerClient</c> the app needs: create-only uploads for sealed
/// documents (a second write to a name is 409 <see cref="StorageErrorCodes.BlobAlreadyExists"/>),
/// downloads, properties and listing by prefix.
/// </summary>
public interface IBlobContainerClient
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Uploads; with <paramref name="overwrite"/> false (the default) it is create-only (<c>If-None-Match: *</c>).</summary>
    Task<BlobProperties> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default);

    /// <summary>The blob's bytes and properties, or null when there is none.</summary>
    Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>The blob's properties, or null when there is none.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>One page of blobs whose names start with <paramref name="prefix"/>, in name order.</summary>
    Task<BlobPage> ListAsync(string? prefix = null, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default);
}

/// <summary>What the store keeps beside a blob's bytes. <see cref="ContentMd5"/> is what Azure computes on upload; <see cref="Sha256"/> we compute.</summary>
public sealed record BlobProperties(
    string Name,
    long Length,
    string ContentType,
    byte[] ContentMd5,
    string Sha256,
    ETag ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>A downloaded blob.</summary>
public sealed record BlobDownload(BlobProperties Properties, byte[] Content);

/// <summary>One page of a blob listing.</summary>
public sealed record BlobPage(IReadOnlyList<BlobProperties> Blobs, string? ContinuationToken);
