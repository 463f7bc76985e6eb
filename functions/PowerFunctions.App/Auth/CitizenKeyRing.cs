using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Auth;

/// <summary>
/// The keys of citizen access tokens (<c>Auth:Citizen:Keys</c>), read and checked at start: EC P-256
/// (ES256), one active key that signs, every key published (<see cref="Jwks"/>) and accepted by key id.
/// Rotation: add the new key, make it <c>ActiveKey</c>, keep the old one (its public key suffices) until
/// <c>AccessTokenMinutes</c> have passed, then remove it. With no key configured and
/// <c>GenerateDevelopmentKey</c> (default outside Production) a key is generated at start: its tokens die
/// with the process, and clients refresh (refresh tokens are opaque and stored, not signed).
/// </summary>
public sealed partial class CitizenKeyRing
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private readonly Dictionary<string, CitizenKey> _byId;

    private CitizenKeyRing(IReadOnlyList<CitizenKey> keys, CitizenKey? active, bool generated)
    {
        Keys = keys;
        Active = active;
        Generated = generated;
        _byId = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    /// <summary>Every key, the active one first.</summary>
    public IReadOnlyList<CitizenKey> Keys { get; }

    /// <summary>The key that signs new tokens; null when none is configured (citizens cannot sign in).</summary>
    public CitizenKey? Active { get; }

    /// <summary>Whether the active key was generated at start (development).</summary>
    public bool Generated { get; }

    /// <summary>The key named by a token's <c>kid</c>, or null.</summary>
    public CitizenKey? Find(string? keyId) => keyId is not null && _byId.TryGetValue(keyId, out var key) ? key : null;

    /// <summary>The JWK Set (RFC 7517) of every key: public parts only.</summary>
    public IReadOnlyDictionary<string, object> Jwks() =>
        new Dictionary<string, object> { ["keys"] = Keys.Select(k => k.PublicJwk).ToArray() };

    /// <summary>Reads <c>Auth:Citizen</c>; a key that cannot be used stops the start, naming the setting (never the key).</summary>
    public static CitizenKeyRing Create(CitizenTokenOptions options, bool isProduction)
    {
        var keys = new List<CitizenKey>();
        foreach (var (keyId, configured) in options.Keys)
        {
            var setting = $"Auth:Citizen:Keys:{keyId}";
            if (!KeyIdPattern().IsMatch(keyId))
            {
                throw new ConfigurationException($"{setting}: a key id is 1-64 letters, digits, '-' or '_'.");
            }

            keys.Add(Load(keyId, configured, setting));
        }

        CitizenKey? active = null;
        if (!string.IsNullOrWhiteSpace(options.ActiveKey))
        {
            active = keys.FirstOrDefault(k => k.KeyId == options.ActiveKey)
                ?? throw new ConfigurationException($"Auth:Citizen:ActiveKey='{options.ActiveKey}' names no key of Auth:Citizen:Keys.");
            if (!active.CanSign)
            {
                throw new ConfigurationException($"Auth:Citizen:ActiveKey='{options.ActiveKey}' has no PrivateKey, so it cannot sign.");
            }
        }
        else if (keys.Count(k => k.CanSign) == 1)
        {
            active = keys.Single(k => k.CanSign);
        }
        else if (keys.Count(k => k.CanSign) > 1)
        {
            throw new ConfigurationException("Auth:Citizen:Keys holds several private keys; name the one that signs in Auth:Citizen:ActiveKey.");
        }

        var generated = false;
        if (keys.Count == 0 && (options.GenerateDevelopmentKey ?? !isProduction))
        {
            var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            active = Describe("dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), ecdsa, canSign: true);
            keys.Add(active);
            generated = true;
        }

        if (active is not null)
        {
            keys.Remove(active);
            keys.Insert(0, active);
        }

        return new CitizenKeyRing(keys, active, generated);
    }

    private static CitizenKey Load(string keyId, CitizenKeyOptions configured, string setting)
    {
        ECDsa? privateKey = null;
        ECDsa? publicKey = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(configured.PrivateKey))
            {
                privateKey = Import(configured.PrivateKey, isPrivate: true)
                    ?? throw new ConfigurationException($"{setting}:PrivateKey is not an EC private key (PEM PKCS#8 or SEC1, or base64 PKCS#8 DER).");
                RequireP256(privateKey, $"{setting}:PrivateKey");
            }

            if (!string.IsNullOrWhiteSpace(configured.PublicKey))
            {
                publicKey = Import(configured.PublicKey, isPrivate: false)
                    ?? throw new ConfigurationException($"{setting}:PublicKey is not an EC public key (PEM or base64 SubjectPublicKeyInfo DER).");
                RequireP256(publicKey, $"{setting}:PublicKey");
            }

            if (privateKey is null && publicKey is null)
            {
                throw new ConfigurationException($"{setting} has neither PrivateKey nor PublicKey.");
            }

            if (privateKey is not null && publicKey is not null
                && !privateKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKey.ExportSubjectPublicKeyInfo()))
            {
                throw new ConfigurationException($"{setting}:PublicKey is not the public key of {setting}:PrivateKey.");
            }

            if (privateKey is not null)
            {
                publicKey?.Dispose();
                return Describe(keyId, privateKey, canSign: true);
            }

            return Describe(keyId, publicKey!, canSign: false);
        }
        catch (ConfigurationException)
        {
            privateKey?.Dispose();
            publicKey?.Dispose();
            throw;
        }
    }

    private static ECDsa? Import(string text, bool isPrivate)
    {
        var key = ECDsa.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                // App settings may hold the PEM on one line with literal "\n" between its lines.
                key.ImportFromPem(trimmed.Replace("\\n", "\n", StringComparison.Ordinal));
                if (isPrivate && !HasPrivateKey(key))
                {
                    key.Dispose();
                    return null;
                }

                return key;
            }

            var der = Convert.FromBase64String(trimmed);
            if (isPrivate)
            {
                key.ImportPkcs8PrivateKey(der, out _);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(der, out _);
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            return null;
        }
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void RequireP256(ECDsa key, string setting)
    {
        var curve = key.ExportParameters(false).Curve;
        if (key.KeySize != 256 || !(curve.IsNamed && (curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1")))
        {
            throw new ConfigurationException($"{setting} is not on the P-256 curve (ES256 needs P-256).");
        }
    }

    private static CitizenKey Describe(string keyId, ECDsa key, bool canSign)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X),
            ["y"] = Base64UrlEncoder.Encode(point.Y),
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = Algorithm,
        };
        return new CitizenKey(keyId, new ECDsaSecurityKey(key) { KeyId = keyId }, canSign, jwk);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
