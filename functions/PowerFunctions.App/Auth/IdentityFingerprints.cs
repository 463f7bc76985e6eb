using System.Text.RegularExpressions;
using PowerFunctions.App.Config;
using PowerFunctions.App.PersonalData;

namespace PowerFunctions.App.Auth;

/// <summary>
/// The identity fingerprint: the <see cref="KeyedHash"/> (HMAC-SHA256 under a secret key, written
/// <c>{keyId}.{base64url}</c>) of the canonical identity document (<c>RealNameRules.CanonicalIdentity</c>). Tokens and tables carry
/// only this: an identity number has too little entropy for a plain hash (18 digits with a known
/// structure are enumerated in minutes), while without the key the fingerprint says nothing; and equality
/// is all the real-name rule needs. Keys come from <c>Auth:RealName:HashKeys</c> (Key Vault references in
/// production); a retired key stays listed while stored fingerprints use it (a citizen's fingerprint moves
/// to the active key at the next proof of identity).
/// </summary>
public sealed partial class IdentityFingerprints
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string? _activeKeyId;

    private IdentityFingerprints(Dictionary<string, byte[]> keys, string? activeKeyId)
    {
        _keys = keys;
        _activeKeyId = activeKeyId;
    }

    /// <summary>Whether a key is configured, so fingerprints can be made (real-name proofs accepted).</summary>
    public bool CanCompute => _activeKeyId is not null;

    /// <summary>Reads <c>Auth:RealName:HashKeys</c>; a bad key stops the start, naming the setting (never the key).</summary>
    public static IdentityFingerprints Create(RealNameOptions options)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (keyId, value) in options.HashKeys)
        {
            var setting = $"Auth:RealName:HashKeys:{keyId}";
            if (!KeyIdPattern().IsMatch(keyId))
            {
                throw new ConfigurationException($"{setting}: a key id is 1-32 letters, digits, '-' or '_'.");
            }

            byte[] key;
            try
            {
                key = Convert.FromBase64String(value?.Trim() ?? string.Empty);
            }
            catch (FormatException)
            {
                throw new ConfigurationException($"{setting} is not base64.");
            }

            if (key.Length < 32)
            {
                throw new ConfigurationException($"{setting} is shorter than 32 bytes; use 32 random bytes, base64 (openssl rand -base64 32).");
            }

            keys[keyId] = key;
        }

        string? active = null;
        if (!string.IsNullOrWhiteSpace(options.ActiveHashKey))
        {
            active = keys.ContainsKey(options.ActiveHashKey)
                ? options.ActiveHashKey
                : throw new ConfigurationException($"Auth:RealName:ActiveHashKey='{options.ActiveHashKey}' names no key of Auth:RealName:HashKeys.");
        }
        else if (keys.Count == 1)
        {
            active = keys.Keys.Single();
        }
        else if (keys.Count > 1)
        {
            throw new ConfigurationException("Auth:RealName:HashKeys holds several keys; name the one for new fingerprints in Auth:RealName:ActiveHashKey.");
        }

        return new IdentityFingerprints(keys, active);
    }

    /// <summary>The fingerprint of a canonical identity under the active key.</summary>
    public string Compute(string canonicalIdentity)
    {
        var keyId = _activeKeyId ?? throw new InvalidOperationException("no identity hash key is configured (Auth:RealName:HashKeys)");
        return KeyedHash.Compute(keyId, _keys[keyId], canonicalIdentity);
    }

    /// <summary>Whether <paramref name="fingerprint"/> is of <paramref name="canonicalIdentity"/> (under the key it names; an unknown key never matches).</summary>
    public bool Matches(string fingerprint, string canonicalIdentity) =>
        KeyedHash.Matches(fingerprint, canonicalIdentity, keyId => _keys.GetValueOrDefault(keyId));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
