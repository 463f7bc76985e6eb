namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>The departments' seals: the signing key of a department, and the seal a verifier trusts.</summary>
public interface ISealKeyStore
{
    /// <summary>
    /// The department's seal with its private key; a development key is made on first use where
    /// allowed. Throws a problem (<c>documents.seal_key_missing</c>) when the department has none.
    /// </summary>
    Task<SealKey> GetSigningKeyAsync(string departmentCode, string departmentName, CancellationToken cancellationToken);

    /// <summary>The department's registered seal (public part is what matters), or null when it has none.</summary>
    Task<SealKey?> FindAsync(string departmentCode, CancellationToken cancellationToken);
}
