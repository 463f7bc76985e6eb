using System.Text;
using System.Text.RegularExpressions;

namespace PowerFunctions.Storage.AzureStorage;

/// <summary>
/// Blob metadata travels in HTTP headers (<c>x-ms-meta-NAME</c>), which carry ASCII only. Names must be
/// C# identifiers (Azure's rule); a value that is not printable ASCII (Chinese titles, say) is sent as
/// an RFC 2047 encoded word <c>=?UTF-8?B?...?=</c> and decoded on read, so any text round-trips.
/// </summary>
internal static partial class BlobMetadataCodec
{
    /// <summary>The metadata name under which we keep the SHA-256 we computed.</summary>
    public const string Sha256Name = "sha256";

    private const string Prefix = "=?UTF-8?B?";
    private const string Suffix = "?=";

    public static void ValidateName(string name)
    {
        if (!Identifier().IsMatch(name) || string.Equals(name, Sha256Name, StringComparison.OrdinalIgnoreCase))
        {
            throw StorageErrors.InvalidInput($"'{name}' is not a valid blob metadata name (a C# identifier, not '{Sha256Name}')");
        }
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
