namespace PowerFunctions.App.Config;

/// <summary>
/// <c>PersonalData:*</c>: how identity numbers, phones and filers' names are encrypted at rest. Keys by key
/// id, base64 (16 bytes for <c>SM4-GCM</c>, 32 for <c>AES-256-GCM</c>); in Azure each is a Key Vault reference
/// (<c>@Microsoft.KeyVault(VaultName=…;SecretName=personal-data-key-{id})</c>) the platform resolves. New
/// values use <see cref="ActiveKey"/>; every listed key still decrypts what it wrote.
/// </summary>
public sealed class PersonalDataOptions
{
    /// <summary><c>SM4-GCM</c> (GB/T 32907, the default) or <c>AES-256-GCM</c>: what new values are written with.</summary>
    public string Algorithm { get; set; } = "SM4-GCM";

    /// <summary>Encryption keys by key id, base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id new values are written with; may be left out when there is one key.</summary>
    public string? ActiveKey { get; set; }
}
