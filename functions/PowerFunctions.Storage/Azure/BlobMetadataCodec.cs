using System.Text;
using System.Text.RegularExpressions;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Blob metadata travels in HTTP headers (<c>x-ms-meta-NAME</c>), which carry ASCII only. Names must be
/// C# identifiers (Azure's rule), case-insensitive; a value that is not printable ASCII (Chinese
/// titles, say) is stored as an RFC 2047 encoded word <c>=?UTF-8?B?...?=</c> and decoded on read, so
/// any text round-trips. The SHA-256 we compute rides along under the reserved name <c>sha256</c>.
/// </summary>
internal static partial class BlobMetadataCodec
{
    /// <summary>The metadata name under which we keep the SHA-256 we computed.</summary>
    public const string Sha256Name = "sha256";

    private const string Prefix = "=?UTF-8?B?";
    private const string Suffix = "?=";

    /// <summary>The caller's metadata, checked (400 on a bad or repeated name or a null value), as a case-insensitive dictionary.</summary>
    public static Dictionary<string, string> Validate(IReadOnlyDictionary<string, string>? metadata)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!Identifier().IsMatch(name) || string.Equals(name, Sha256Name, StringComparison.OrdinalIgnoreCase))
            {
                throw StorageErrors.InvalidInput($"'{name}' is not a valid blob metadata name (a C# identifier, not '{Sha256Name}')");
            }

            if (value is null)
            {
                throw StorageErrors.InvalidInput($"metadata '{name}' has no value");
            }

            if (!kept.TryAdd(name, value))
            {
                throw StorageErrors.InvalidInput($"metadata '{name}' is given twice (names are case-insensitive)");
            }
        }

        return kept;
    }

    /// <summary>What is stored: every value encoded, plus our SHA-256.</summary>
    public static Dictionary<string, string> ToWire(IReadOnlyDictionary<string, string> metadata, string sha256)
    {
        var wire = metadata.ToDictionary(m => m.Key, m => Encode(m.Value), StringComparer.OrdinalIgnoreCase);
        wire[Sha256Name] = sha256;
        return wire;
    }

    /// <summary>The caller's metadata (decoded) and our SHA-256 (empty when the blob was written by someone else).</summary>
    public static (IReadOnlyDictionary<string, string> Metadata, string Sha256) FromWire(IDictionary<string, string>? wire)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sha256 = string.Empty;
        foreach (var (name, value) in wire ?? new Dictionary<string, string>())
        {
            if (string.Equals(name, Sha256Name, StringComparison.OrdinalIgnoreCase))
            {
                sha256 = value;
            }
            else
            {
                metadata[name] = Decode(value);
            }
        }

        return (metadata, sha256);
    }

    public static string Encode(string value)
    {
        var plain = value.All(c => c is >= ' ' and <= '~') && !value.StartsWith(Prefix, StringComparison.Ordinal) && value.Trim().Length == value.Length;
        return plain ? value : Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + Suffix;
    }

    public static string Decode(string value)
    {
        if (value.StartsWith(Prefix, StringComparison.Ordinal) && value.EndsWith(Suffix, StringComparison.Ordinal))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(value[Prefix.Length..^Suffix.Length]));
            }
            catch (FormatException)
            {
                return value;
            }
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,255}$")]
    private static partial Regex Identifier();
}
