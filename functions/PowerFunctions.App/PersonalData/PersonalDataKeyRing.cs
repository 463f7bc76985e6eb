using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// The keys of personal data (<c>PersonalData:*</c>), read and checked at start: the algorithm new values
/// use, the active key that writes them, and every listed key by id for reading (rotation: add the new key,
/// make it <c>ActiveKey</c>, keep the old ones listed as long as values written with them are kept).
/// Outside Production with no key configured a fixed, public development key (<see cref="DevelopmentKeyId"/>)
/// is used so a local store survives restarts; Production refuses to start without its own keys, and refuses
/// the development key under any id.
/// </summary>
public sealed partial class PersonalDataKeyRing
{
    /// <summary>The id of the development key.</summary>
    public const string DevelopmentKeyId = "dev";

    private readonly Dictionary<string, PersonalDataKey> _byId;

    private PersonalDataKeyRing(PersonalDataAlgorithm algorithm, IReadOnlyList<PersonalDataKey> keys, PersonalDataKey active)
    {
        Algorithm = algorithm;
        Keys = keys;
        Active = active;
        _byId = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    /// <summary>What new values are written with.</summary>
    public PersonalDataAlgorithm Algorithm { get; }

    /// <summary>Every key, for reading.</summary>
    public IReadOnlyList<PersonalDataKey> Keys { get; }

    /// <summary>The key new values are written with.</summary>
    public PersonalDataKey Active { get; }

    /// <summary>Whether the active key is the public development key.</summary>
    public bool IsDevelopment => Active.KeyId == DevelopmentKeyId;

    /// <summary>The key a stored value names, or null when it is not (or no longer) configured.</summary>
    public PersonalDataKey? Find(string keyId) => _byId.GetValueOrDefault(keyId);

    /// <summary>
    /// The <see cref="KeyedHash"/> key of <paramref name="purpose"/> under the key <paramref name="keyId"/> (null when
    /// not configured): 32 bytes derived by HKDF-SHA256 (RFC 5869) from that key with the purpose as its info, so the
    /// encryption key itself never keys an HMAC and each purpose's hashes are unrelated to every other's.
    /// </summary>
    public byte[]? HashKey(string keyId, string purpose) =>
        Find(keyId) is { } key
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes, 32, salt: [], info: Encoding.UTF8.GetBytes("PowerFunctions keyed hash\n" + purpose))
            : null;

    /// <summary>Reads <c>PersonalData:*</c>; a key that cannot be used stops the start, naming the setting (never the key).</summary>
    public static PersonalDataKeyRing Create(PersonalDataOptions options, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(options);
        var algorithm = ParseAlgorithm(options.Algorithm);
        var keys = new List<PersonalDataKey>();
        foreach (var (keyId, value) in options.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            keys.Add(Load(keyId, value, isProduction));
        }

        if (keys.Count == 0)
        {
            if (isProduction)
            {
                throw new ConfigurationException(
                    "PersonalData:Keys is empty: in Production identity numbers, phones and names are encrypted with the deployment's own key. "
                    + "Store 16 random bytes (SM4-GCM; 32 for AES-256-GCM), base64, as Key Vault secret personal-data-key-{id} and set PersonalData:Keys:{id} to its reference (the Bicep does).");
            }

            var development = DevelopmentKey(algorithm);
            return new PersonalDataKeyRing(algorithm, [development], development);
        }

        PersonalDataKey active;
        if (!string.IsNullOrWhiteSpace(options.ActiveKey))
        {
            active = keys.FirstOrDefault(k => k.KeyId == options.ActiveKey)
                ?? throw new ConfigurationException($"PersonalData:ActiveKey='{options.ActiveKey}' names no key of PersonalData:Keys.");
        }
        else if (keys.Count == 1)
        {
            active = keys[0];
        }
        else
        {
            throw new ConfigurationException("PersonalData:Keys holds several keys; name the one new values are written with in PersonalData:ActiveKey.");
        }

        if (active.Bytes.Length != PersonalDataCipher.KeyBytes(algorithm))
        {
            throw new ConfigurationException(
                $"PersonalData:Keys:{active.KeyId} is {active.Bytes.Length} bytes but PersonalData:Algorithm={Name(algorithm)} takes {PersonalDataCipher.KeyBytes(algorithm)}; "
                + "add a key of that length and make it PersonalData:ActiveKey (keep the old one listed for reading).");
        }

        return new PersonalDataKeyRing(algorithm, keys, active);
    }

    /// <summary>The configuration name of an algorithm, as stored values and settings write it.</summary>
    public static string Name(PersonalDataAlgorithm algorithm) => algorithm == PersonalDataAlgorithm.Sm4Gcm ? "SM4-GCM" : "AES-256-GCM";

    /// <summary>The public development key for <paramref name="algorithm"/> (derived from a published text: it protects nothing).</summary>
    public static PersonalDataKey DevelopmentKey(PersonalDataAlgorithm algorithm) =>
        new(DevelopmentKeyId, SHA256.HashData(Encoding.ASCII.GetBytes("PowerFunctions development personal-data key: public, never for production"))[..PersonalDataCipher.KeyBytes(algorithm)]);

    private static PersonalDataAlgorithm ParseAlgorithm(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SM4-GCM" or "SM4" => PersonalDataAlgorithm.Sm4Gcm,
        "AES-256-GCM" or "AES-GCM" => PersonalDataAlgorithm.Aes256Gcm,
        _ => throw new ConfigurationException($"PersonalData:Algorithm='{text}' is not supported; use 'SM4-GCM' (国密, the default) or 'AES-256-GCM'."),
    };

    private static PersonalDataKey Load(string keyId, string? value, bool isProduction)
    {
        var setting = $"PersonalData:Keys:{keyId}";
        if (!KeyIdPattern().IsMatch(keyId))
        {
            throw new ConfigurationException($"{setting}: a key id is 1-32 letters, digits, '-' or '_'.");
        }

        var text = value?.Trim() ?? string.Empty;
        if (text.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            // App Service leaves a reference it could not resolve as it is: never take its (public) text for a key.
            throw new ConfigurationException($"{setting} is an unresolved Key Vault reference; check the secret and the app's access to it.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ConfigurationException($"{setting} is not base64.");
        }

        if (bytes.Length is not (16 or 32))
        {
            throw new ConfigurationException($"{setting} is {bytes.Length} bytes; use 16 random bytes for SM4-GCM or 32 for AES-256-GCM, base64 (openssl rand -base64 16).");
        }

        if (isProduction && (keyId == DevelopmentKeyId
            || CryptographicOperations.FixedTimeEquals(bytes, DevelopmentKey(bytes.Length == 16 ? PersonalDataAlgorithm.Sm4Gcm : PersonalDataAlgorithm.Aes256Gcm).Bytes)))
        {
            throw new ConfigurationException($"{setting} is the public development key, refused in Production.");
        }

        return new PersonalDataKey(keyId, bytes);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
