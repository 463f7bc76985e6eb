using System.Security.Cryptography;
using System.Text;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// The public id of a document: 128 bits of HMAC-SHA256 under <c>Documents:IdKey</c> over the id its caller
/// chose (deterministic per act, e.g. <c>{caseNo}-acceptance-notice-1</c>), as 32 lower-case hex digits.
/// Deterministic, so a retried act finds the document an earlier attempt issued; unguessable without the
/// key, so knowing a case number (they are sequential) does not give its documents. Ids issued before
/// this (the readable ones) stay valid: they are looked up as they are.
/// </summary>
public sealed class DocumentIds
{
    /// <summary>The fewest bytes a key may have.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>The key used outside Production when none is configured; refused in Production.</summary>
    public const string DevelopmentKey = "powerfunctions-development-document-id-key-not-for-production";

    private readonly byte[] _key;

    public DocumentIds(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = Encoding.UTF8.GetBytes(key);
        if (_key.Length < MinKeyBytes)
        {
            throw new ConfigurationException($"Documents:IdKey must be at least {MinKeyBytes} bytes (UTF-8); generate one with: openssl rand -base64 48");
        }
    }

    /// <summary><c>Documents:IdKey</c>; the development key outside Production when it is absent, a <see cref="ConfigurationException"/> in Production.</summary>
    public static DocumentIds Read(DocumentOptions options, IHostEnvironment environment)
    {
        if (options.IdKey?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The platform leaves a reference it cannot resolve as its text: a key everyone can read.
            throw new ConfigurationException("Documents:IdKey is an unresolved Key Vault reference: grant the app's identity 'Key Vault Secrets User' on the vault and create the secret document-id-key");
        }

        if (!string.IsNullOrWhiteSpace(options.IdKey))
        {
            return new DocumentIds(options.IdKey);
        }

        return environment.IsProduction()
            ? throw new ConfigurationException("Documents:IdKey is required in Production: the key that makes document ids unguessable (at least 32 bytes; keep it in Key Vault and never change it while commands may be retried)")
            : new DocumentIds(DevelopmentKey);
    }

    /// <summary>The public id of the document the caller calls <paramref name="requestedId"/>.</summary>
    public string PublicId(string requestedId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(requestedId)).AsSpan(0, 16));
}
