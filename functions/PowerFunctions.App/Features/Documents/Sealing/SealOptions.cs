namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// <c>Seal:*</c> settings, read and checked by <see cref="SealSettings.Read"/>. A department's keys come
/// from one place, first found: its Key Vault secret <c>seal-{dept}</c> (with <see cref="KeyVaultUri"/>),
/// else <c>Seal:Keys:{dept}</c>, else — outside Production by default — a development key made on first use.
/// </summary>
public sealed class SealOptions
{
    /// <summary>The vault holding the <c>seal-{dept}</c> secrets (set by the Bicep), read with the managed identity.</summary>
    public string? KeyVaultUri { get; set; }

    /// <summary>How long Key Vault answers are kept before they are read again (default 5 minutes).</summary>
    public TimeSpan? KeyVaultRefreshInterval { get; set; }

    /// <summary>Keys in configuration, by department code.</summary>
    public Dictionary<string, SealKeyOptions> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Generate development keys for departments without one; defaults to true outside Production.</summary>
    public bool? GenerateDevelopmentKeys { get; set; }
}
