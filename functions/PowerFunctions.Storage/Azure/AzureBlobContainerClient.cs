using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="IBlobContainerClient"/> on the SDK's <c>BlobContainerClient</c>: block blobs, create-only
/// with <c>If-None-Match: *</c> unless overwriting (a second write is 409
/// <see cref="StorageErrorCodes.BlobAlreadyExists"/>), the MD5 we compute stored as the blob's
/// Content-MD5 and sent so Azure checks the bytes, our SHA-256 kept as metadata <c>sha256</c>, and
/// metadata values encoded by <see cref="BlobMetadataCodec"/>.
/// </summary>
public sealed class AzureBlobContainerClient : IBlobContainerClient
{
    private readonly BlobContainerClient _container;

    internal AzureBlobContainerClient(BlobServiceClient service, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _container = service.GetBlobContainerClient(name);
        Name = name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        AzureErrors.Run($"creating container '{Name}'", () => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<BlobProperties> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var kept = BlobMetadataCodec.Validate(metadata);
        var md5 = MD5.HashData(content.Span);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5 },
            Metadata = BlobMetadataCodec.ToWire(kept, sha256),
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
        };

        Response<BlobContentInfo> response;
        try
        {
            response = await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (!overwrite && (e.ErrorCode == "BlobAlreadyExists" || e.Status == 412))
        {
            throw new RequestFailedException(409, $"blob '{blobName}' in '{Name}' already exists", StorageErrorCodes.BlobAlreadyExists, e);
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, Describe(blobName));
        }

        var info = response.Value;
        return new BlobProperties(blobName, content.Length, contentType, info.ContentHash ?? md5, sha256, info.ETag, info.LastModified, kept);
    }

    public async Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        try
        {
            var result = (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var details = result.Details;
            var bytes = result.Content.ToArray();
            var md5 = details.BlobContentHash ?? details.ContentHash ?? MD5.HashData(bytes);
            return new BlobDownload(Properties(blobName, bytes.LongLength, details.ContentType, md5, details.ETag, details.LastModified, details.Metadata), bytes);
        }
        catch (RequestFailedException e) when (IsMissingBlob(e))
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, Describe(blobName));
        }
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        try
        {
            var p = (await _container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return Properties(blobName, p.ContentLength, p.ContentType, p.ContentHash ?? [], p.ETag, p.LastModified, p.Metadata);
        }
        catch (RequestFailedException e) when (IsMissingBlob(e))
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, Describe(blobName));
        }
    }

    public async Task<BlobPage> ListAsync(string? prefix = null, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw StorageErrors.InvalidInput($"a blob listing page holds 1 to 5000 blobs, not {pageSize}");
        }

        var options = new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = string.IsNullOrEmpty(prefix) ? null : prefix };
        var pages = _container.GetBlobsAsync(options, cancellationToken).AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var blobs = page.Values
                    .Select(b => Properties(b.Name, b.Properties.ContentLength ?? 0, b.Properties.ContentType, b.Properties.ContentHash ?? [], b.Properties.ETag ?? default, b.Properties.LastModified ?? default, b.Metadata))
                    .ToList();
                return new BlobPage(blobs, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
        }
        catch (RequestFailedException e)
        {
            throw AzureErrors.Map(e, $"listing container '{Name}'");
        }

        return new BlobPage([], null);
    }

    private static BlobProperties Properties(string name, long length, string? contentType, byte[] md5, ETag etag, DateTimeOffset lastModified, IDictionary<string, string>? wireMetadata)
    {
        var (metadata, sha256) = BlobMetadataCodec.FromWire(wireMetadata);
        return new BlobProperties(name, length, contentType ?? "application/octet-stream", md5, sha256, etag, lastModified, metadata);
    }

    /// <summary>A missing blob reads as null; a missing container is an error (404 <see cref="StorageErrorCodes.TableNotFound"/>).</summary>
    private static bool IsMissingBlob(RequestFailedException e) => e.Status == 404 && e.ErrorCode is "BlobNotFound" or null;

    private string Describe(string blobName) => $"blob '{blobName}' in '{Name}'";
}
