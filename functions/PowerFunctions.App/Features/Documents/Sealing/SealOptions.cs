namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// <c>Seal:*</c> settings. Production keys come from configuration (app settings backed by Key Vault
/// references): <c>Seal:Keys:{dept}:PrivateKey</c>, <c>SealId</c>, <c>DepartmentName</c>,
/// <c>ValidFrom</c>, <c>ValidTo</c>. Outside Production a department without a configured key gets a
/// development key generated on first use and kept in the data folder (or the storage account).
/// </summary>
public sealed class SealOptions
{
    public Dictionary<string, SealKeyOptions> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Generate development keys for departments without one; defaults to true outside Production.</summary>
    public bool? GenerateDevelopmentKeys { get; set; }
}

/// <summary>One department's configured seal.</summary>
public sealed class SealKeyOptions
{
    public string? SealId { get; set; }

    public string? DepartmentName { get; set; }

    /// <summary>SM2 private key, 64 hex digits (a Key Vault reference in production).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Optional: checked against the private key when given.</summary>
    public string? PublicKey { get; set; }

    /// <summary>ISO-8601 instant, e.g. <c>2026-01-01T00:00:00+08:00</c>.</summary>
    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }
}
