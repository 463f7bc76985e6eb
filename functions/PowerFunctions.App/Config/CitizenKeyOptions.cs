namespace PowerFunctions.App.Config;

/// <summary>One citizen-token key: an EC P-256 key as PEM (PKCS#8, SEC1 or SubjectPublicKeyInfo) or base64 DER.</summary>
public sealed class CitizenKeyOptions
{
    /// <summary>The private key (a Key Vault reference in production); absent for a retired key kept only to verify.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The public key, for a retired key whose private key has been destroyed; checked against the private key when both are given.</summary>
    public string? PublicKey { get; set; }
}
