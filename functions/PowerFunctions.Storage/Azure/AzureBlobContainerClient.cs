using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// <see cref="IBlobContainerClient"/> over the Blob service REST API: block blobs uploaded in one Put
/// Blob (create-only with <c>If-None-Match: *</c> unless overwriting), Content-MD5 sent so Azure checks
/// the bytes, our SHA-256 kept as metadata <c>sha256</c>.
/// </summary>
public sealed class AzureBlobContainerClient : IBlobContainerClient
{
    private readonly StorageEndpoint _endpoint;

    internal AzureBlobContainerClient(StorageEndpoint endpoint, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _endpoint.CreateMessage(RequestMethod.Put, Name, ("restype", "container"));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 409)
        {
            return;
        }

        throw AzureErrors.From(response, $"creating container '{Name}'");
    }

    public async Task<BlobProperties> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            BlobMetadataCodec.ValidateName(name);
            meta[name] = value;
        }

        var md5 = MD5.HashData(content.Span);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        using var message = _endpoint.CreateMessage(RequestMethod.Put, BlobPath(blobName));
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("Content-Type", contentType);
        headers.SetValue("x-ms-blob-content-type", contentType);
        headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        headers.SetValue("x-ms-meta-" + BlobMetadataCodec.Sha256Name, sha256);
        foreach (var (name, value) in meta)
        {
            headers.SetValue("x-ms-meta-" + name, BlobMetadataCodec.Encode(value));
        }

        if (!overwrite)
        {
            headers.SetValue("If-None-Match", "*");
        }

        message.Request.Content = RequestContent.Create(content);
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            var error = AzureErrors.From(response, $"blob '{blobName}' in '{Name}'");
            throw !overwrite && (response.Status == 409 || error.Status == 412) && error.ErrorCode != StorageErrorCodes.TableNotFound
                ? new RequestFailedException(409, $"blob '{blobName}' already exists", StorageErrorCodes.BlobAlreadyExists, error)
                : error;
        }

        var returnedMd5 = response.Headers.TryGetValue("Content-MD5", out var m) ? Convert.FromBase64String(m) : md5;
        return new BlobProperties(
            blobName,
            content.Length,
            contentType,
            returnedMd5,
            sha256,
            response.Headers.ETag ?? default,
            LastModified(response.Headers.TryGetValue("Last-Modified", out var lm) ? lm : null),
            meta);
    }

    public async Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        using var message = _endpoint.CreateMessage(RequestMethod.Get, BlobPath(blobName));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            var bytes = response.Content.ToArray();
            return new BlobDownload(FromHeaders(blobName, response, bytes.LongLength, bytes), bytes);
        }

        return MissingOrThrow<BlobDownload>(response, blobName);
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        using var message = _endpoint.CreateMessage(RequestMethod.Head, BlobPath(blobName));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            var length = response.Headers.ContentLength ?? 0;
            return FromHeaders(blobName, response, length, null);
        }

        return MissingOrThrow<BlobProperties>(response, blobName);
    }

    public async Task<BlobPage> ListAsync(string? prefix = null, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw StorageErrors.InvalidInput($"page size {pageSize} is outside 1-5000");
        }

        using var message = _endpoint.CreateMessage(
            RequestMethod.Get,
            Name,
            ("restype", "container"),
            ("comp", "list"),
            ("prefix", string.IsNullOrEmpty(prefix) ? null : prefix),
            ("marker", string.IsNullOrEmpty(continuationToken) ? null : continuationToken),
            ("maxresults", pageSize.ToString(CultureInfo.InvariantCulture)),
            ("include", "metadata"));
        var response = await _endpoint.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw AzureErrors.From(response, $"listing container '{Name}'");
        }

        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var blobs = new List<BlobProperties>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            var properties = blob.Element("Properties");
            string? Prop(string name) => properties?.Element(name)?.Value;
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var sha = string.Empty;
            foreach (var item in blob.Element("Metadata")?.Elements() ?? [])
            {
                if (string.Equals(item.Name.LocalName, BlobMetadataCodec.Sha256Name, StringComparison.OrdinalIgnoreCase))
                {
                    sha = item.Value;
                }
                else
                {
                    metadata[item.Name.LocalName] = BlobMetadataCodec.Decode(item.Value);
                }
            }

            var md5 = Prop("Content-MD5");
            blobs.Add(new BlobProperties(
                blob.Element("Name")!.Value,
                long.Parse(Prop("Content-Length") ?? "0", CultureInfo.InvariantCulture),
                Prop("Content-Type") ?? "application/octet-stream",
                string.IsNullOrEmpty(md5) ? [] : Convert.FromBase64String(md5),
                sha,
                Prop("Etag") is { } etag ? new ETag(etag) : default,
                LastModified(Prop("Last-Modified")),
                metadata));
        }

        var next = root.Element("NextMarker")?.Value;
        return new BlobPage(blobs, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobProperties FromHeaders(string blobName, Response response, long length, byte[]? content)
    {
        var headers = response.Headers;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sha = string.Empty;
        foreach (var header in headers)
        {
            if (!header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = header.Name["x-ms-meta-".Length..];
            if (string.Equals(name, BlobMetadataCodec.Sha256Name, StringComparison.OrdinalIgnoreCase))
            {
                sha = header.Value;
            }
            else
            {
                metadata[name] = BlobMetadataCodec.Decode(header.Value);
            }
        }

        byte[] md5 = headers.TryGetValue("x-ms-blob-content-md5", out var blobMd5) ? Convert.FromBase64String(blobMd5)
            : headers.TryGetValue("Content-MD5", out var m) ? Convert.FromBase64String(m)
            : content is not null ? MD5.HashData(content) : [];
        return new BlobProperties(
            blobName,
            length,
            headers.ContentType ?? "application/octet-stream",
            md5,
            sha,
            headers.ETag ?? default,
            LastModified(headers.TryGetValue("Last-Modified", out var lm) ? lm : null),
            metadata);
    }

    private T? MissingOrThrow<T>(Response response, string blobName)
        where T : class
    {
        var error = AzureErrors.From(response, $"blob '{blobName}' in '{Name}'");
        if (error.ErrorCode == StorageErrorCodes.BlobNotFound || (error.Status == 404 && error.ErrorCode == StorageErrorCodes.ResourceNotFound))
        {
            return null;
        }

        throw error;
    }

    private static DateTimeOffset LastModified(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : default;

    private string BlobPath(string blobName) => Name + "/" + string.Join('/', blobName.Split('/').Select(StorageEndpoint.EncodeSegment));
}
