using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("PowerFunctions.Storage.Tests")]

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// An Azure Storage connection string, parsed: the account, its key and the three service endpoints.
/// <c>UseDevelopmentStorage=true</c> means Azurite's well-known account on 127.0.0.1:10000-10002
/// (path-style URLs); explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c> win over
/// the ones derived from <c>AccountName</c>, <c>DefaultEndpointsProtocol</c> and <c>EndpointSuffix</c>.
/// </summary>
public sealed record StorageConnectionString(string AccountName, byte[] AccountKey, Uri BlobEndpoint, Uri QueueEndpoint, Uri TableEndpoint)
{
    /// <summary>Azurite's account name, published in its documentation.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's account key, published in its documentation (not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Parses; throws <see cref="FormatException"/> naming what is missing or malformed (never echoing the key).</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("the storage connection string has a part that is not name=value");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            return new StorageConnectionString(
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey),
                Endpoint(parts, "BlobEndpoint") ?? DevEndpoint(proxy, 10000),
                Endpoint(parts, "QueueEndpoint") ?? DevEndpoint(proxy, 10001),
                Endpoint(parts, "TableEndpoint") ?? DevEndpoint(proxy, 10002));
        }

        if (!parts.TryGetValue("AccountName", out var account) || string.IsNullOrWhiteSpace(account))
        {
            throw new FormatException("the storage connection string has no AccountName");
        }

        if (!parts.TryGetValue("AccountKey", out var keyText) || string.IsNullOrWhiteSpace(keyText))
        {
            throw new FormatException("the storage connection string has no AccountKey (use Storage:AccountName alone for Microsoft Entra ID)");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException)
        {
            throw new FormatException("the storage connection string's AccountKey is not base64");
        }

        var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"DefaultEndpointsProtocol '{protocol}' is neither http nor https");
        }

        var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        return new StorageConnectionString(
            account,
            key,
            Endpoint(parts, "BlobEndpoint") ?? new Uri($"{protocol}://{account}.blob.{suffix}"),
            Endpoint(parts, "QueueEndpoint") ?? new Uri($"{protocol}://{account}.queue.{suffix}"),
            Endpoint(parts, "TableEndpoint") ?? new Uri($"{protocol}://{account}.table.{suffix}"));
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"AccountName={AccountName};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";

    private static Uri? Endpoint(Dictionary<string, string> parts, string name)
    {
        if (!parts.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{name} '{value}' is not an absolute http(s) URL");
        }

        return uri;
    }

    private static Uri DevEndpoint(Uri proxy, int port) => new($"{proxy.Scheme}://{proxy.Host}:{port}/{DevelopmentAccountName}");
}
