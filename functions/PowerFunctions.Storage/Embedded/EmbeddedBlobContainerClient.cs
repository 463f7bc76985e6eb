using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// A blob container of the embedded store: blobs are rows of <c>blobs</c> (bytes, content type,
/// Content-MD5, SHA-256, metadata), listed in ordinal name order.
/// </summary>
internal sealed class EmbeddedBlobContainerClient : IBlobContainerClient
{
    private const string Columns = "name, length, content_type, md5, sha256, etag, modified, metadata";
    private const string InsertSql = """
        INSERT INTO blobs(container, name, length, content_type, md5, sha256, etag, modified, metadata, content)
        VALUES($c, $n, $len, $type, $md5, $sha, $e, $m, $meta, $content)
        """;
    private const string CreateOnly = InsertSql + " ON CONFLICT(container, name) DO NOTHING";
    private const string Overwrite = InsertSql + """
         ON CONFLICT(container, name) DO UPDATE SET length = excluded.length, content_type = excluded.content_type,
        md5 = excluded.md5, sha256 = excluded.sha256, etag = excluded.etag, modified = excluded.modified,
        metadata = excluded.metadata, content = excluded.content
        """;
    private const string SelectProperties = "SELECT " + Columns + " FROM blobs WHERE container = $c AND name = $n";
    private const string SelectDownload = "SELECT " + Columns + ", content FROM blobs WHERE container = $c AND name = $n";

    /// <summary>Azure's limit on a block blob uploaded in one request is far larger; the embedded store keeps blobs in the database and caps them at 256 MiB.</summary>
    private const int MaxBlobBytes = 256 * 1024 * 1024;

    private readonly SqliteStore _store;

    public EmbeddedBlobContainerClient(SqliteStore store, string name)
    {
        StorageNames.ValidateContainerOrQueueName(name);
        _store = store;
        Name = name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _store.CreateIfNotExistsAsync(ResourceKind.Container, Name, cancellationToken);

    public async Task<BlobProperties> UploadAsync(string blobName, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        if (content.Length > MaxBlobBytes)
        {
            throw StorageErrors.InvalidInput($"blob '{blobName}' is {content.Length} bytes; the embedded store keeps at most {MaxBlobBytes}");
        }

        var kept = ValidateMetadata(metadata);
        EnsureContainer();

        var now = _store.Clock.GetUtcNow().ToUniversalTime();
        var properties = new BlobProperties(
            blobName,
            content.Length,
            string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
            MD5.HashData(content.Span),
            Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            new ETag(_store.NewETag(now, weak: false)),
            now,
            kept);
        var metadataJson = JsonSerializer.Serialize(kept);
        var bytes = content.ToArray();

        var written = await _store.WriteAsync(session =>
        {
            var command = session.Command(overwrite ? Overwrite : CreateOnly);
            command.Set("$c", Name);
            command.Set("$n", blobName);
            command.Set("$len", properties.Length);
            command.Set("$type", properties.ContentType);
            command.Set("$md5", properties.ContentMd5);
            command.Set("$sha", properties.Sha256);
            command.Set("$e", properties.ETag.ToString());
            command.Set("$m", now.UtcTicks);
            command.Set("$meta", metadataJson);
            command.Set("$content", bytes);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);

        if (written == 0)
        {
            throw StorageErrors.BlobExists(blobName);
        }

        return properties;
    }

    public Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default) =>
        Completed.Run(() => Download(blobName), cancellationToken);

    private BlobDownload? Download(string blobName)
    {
        StorageNames.ValidateBlobName(blobName);
        EnsureContainer();
        return _store.Read(session =>
        {
            var command = session.Command(SelectDownload);
            command.Set("$c", Name);
            command.Set("$n", blobName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new BlobDownload(ReadProperties(reader), (byte[])reader.GetValue(8)) : null;
        });
    }

    public Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default) =>
        Completed.Run(() => GetProperties(blobName), cancellationToken);

    private BlobProperties? GetProperties(string blobName)
    {
        StorageNames.ValidateBlobName(blobName);
        EnsureContainer();
        return _store.Read(session =>
        {
            var command = session.Command(SelectProperties);
            command.Set("$c", Name);
            command.Set("$n", blobName);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadProperties(reader) : null;
        });
    }

    public Task<BlobPage> ListAsync(string? prefix = null, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        Completed.Run(() => List(prefix, continuationToken, pageSize), cancellationToken);

    private BlobPage List(string? prefix, string? continuationToken, int pageSize)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw StorageErrors.InvalidInput($"a blob listing page holds 1 to 5000 blobs, not {pageSize}");
        }

        var after = continuationToken is null ? null : DecodeToken(continuationToken);
        EnsureContainer();
        prefix ??= string.Empty;

        // Names starting with the prefix lie in [prefix, prefix + U+10FFFF); substr() then keeps exactly them.
        const string sql = "SELECT " + Columns + """
             FROM blobs WHERE container = $c AND name >= $from AND name < $to AND substr(name, 1, $plen) = $prefix
             ORDER BY name LIMIT $limit
            """;
        return _store.Read(session =>
        {
            var command = session.Command(sql);
            command.Set("$c", Name);
            command.Set("$from", after ?? prefix); // a token names the next page's first blob
            command.Set("$to", prefix + char.ConvertFromUtf32(0x10FFFF));
            command.Set("$plen", prefix.EnumerateRunes().Count());
            command.Set("$prefix", prefix);
            command.Set("$limit", pageSize + 1);
            var blobs = new List<BlobProperties>();
            string? token = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (blobs.Count == pageSize)
                {
                    token = EncodeToken(reader.GetString(0));
                    break;
                }

                blobs.Add(ReadProperties(reader));
            }

            return new BlobPage(blobs, token);
        });
    }

    private void EnsureContainer() => _store.EnsureExists(ResourceKind.Container, Name, Name);

    private static BlobProperties ReadProperties(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        (byte[])reader.GetValue(3),
        reader.GetString(4),
        new ETag(reader.GetString(5)),
        new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
        ToMetadata(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(7)) ?? []));

    private static Dictionary<string, string> ToMetadata(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Metadata travels as HTTP headers on Azure: names are C# identifiers (case-insensitive), values printable ASCII.</summary>
    private static Dictionary<string, string> ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata is null)
        {
            return kept;
        }

        foreach (var (name, value) in metadata)
        {
            if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_')
                || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                throw StorageErrors.InvalidInput($"'{name}' is not a valid metadata name (an ASCII identifier)");
            }

            if (value is null || value.Any(c => c is < ' ' or > '~'))
            {
                throw StorageErrors.InvalidInput($"metadata '{name}' must be printable ASCII (encode other text, e.g. as base64)");
            }

            if (!kept.TryAdd(name, value))
            {
                throw StorageErrors.InvalidInput($"metadata '{name}' is given twice (names are case-insensitive)");
            }
        }

        return kept;
    }

    private static string EncodeToken(string nextName) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("b\n" + nextName)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeToken(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith("b\n", StringComparison.Ordinal))
            {
                return text[2..];
            }
        }
        catch (FormatException)
        {
        }

        throw StorageErrors.InvalidInput("the continuation token is not one this store issued");
    }
}
