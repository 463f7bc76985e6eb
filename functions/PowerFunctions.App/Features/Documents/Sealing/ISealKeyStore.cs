namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// The departments' seal keys, wherever they are kept (Key Vault, configuration, development files):
/// the key a department signs with now, and every key — current and retired — a verifier trusts.
/// </summary>
public interface ISealKeyStore
{
    /// <summary>
    /// The department's key active now, with its private key; a development key is made on first use
    /// where allowed. Throws a problem when the department has none (<c>documents.seal_key_missing</c>),
    /// when its keys are ambiguous (<c>documents.seal_key_invalid</c>) or cannot be read now
    /// (<c>documents.seal_keys_unavailable</c>). A key outside its validity is returned for the caller's
    /// check to refuse with the reason.
    /// </summary>
    Task<SealKey> GetSigningKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken);

    /// <summary>
    /// The department's keys, current and retired, each with the period it was active (public parts only);
    /// empty when it has none. <paramref name="keyId"/> is the key a seal names: when the cached keys lack
    /// it, the store may look again (a key added since the last refresh), at most once a minute.
    /// </summary>
    Task<IReadOnlyList<SealKey>> GetTrustedKeysAsync(string departmentCode, string? keyId, CancellationToken cancellationToken);
}
