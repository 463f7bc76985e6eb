using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// The app's one keyed hash, for personal data that is compared but never read back: HMAC-SHA256 under a
/// secret key, written <c>{keyId}.{base64url}</c> so the key can rotate (a value names the key it was made
/// with). Low-entropy inputs (an identity number, an address, an account id) cannot be enumerated without the
/// key, unlike a plain hash. Used by the identity fingerprint (<see cref="Auth.IdentityFingerprints"/>, its own
/// keys) and by <see cref="PersonalDataProtector.Fingerprint"/> (keys derived from the personal-data keys).
/// </summary>
public static class KeyedHash
{
    /// <summary><c>{keyId}.{base64url(HMAC-SHA256(key, value))}</c>.</summary>
    public static string Compute(string keyId, byte[] key, string value) => $"{keyId}.{Hash(key, value)}";

    /// <summary>Whether <paramref name="stored"/> is the hash of <paramref name="value"/> under the key it names (<paramref name="keyOf"/>; an unknown key never matches), in fixed time.</summary>
    public static bool Matches(string stored, string value, Func<string, byte[]?> keyOf)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(keyOf);
        var dot = stored.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || keyOf(stored[..dot]) is not { } key)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key, value)), Encoding.ASCII.GetBytes(stored[(dot + 1)..]));
    }

    private static string Hash(byte[] key, string value) => Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
