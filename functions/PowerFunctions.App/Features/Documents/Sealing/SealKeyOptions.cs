namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// One seal key as written by people: a <c>Seal:Keys:{dept}</c> block (the current key, with its
/// <see cref="Retired"/> predecessors) or, as JSON, one version of a Key Vault secret <c>seal-{dept}</c>
/// (camelCase names, <see cref="DepartmentCode"/> required there). Instants are ISO-8601 with an offset,
/// e.g. <c>2027-01-01T00:00:00+08:00</c>.
/// </summary>
public sealed class SealKeyOptions
{
    /// <summary>Named in every seal made with this key; letters, digits, <c>-</c> and <c>_</c>; defaults to <c>{dept}-{8 hex of the public key}</c>.</summary>
    public string? KeyId { get; set; }

    /// <summary>The seal (印章) this key signs for; defaults to <c>{dept}-{8 hex of the public key}</c>.</summary>
    public string? SealId { get; set; }

    /// <summary>Required in a Key Vault secret (checked against the secret's department); optional in configuration.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The department's name, printed on the seal.</summary>
    public string? DepartmentName { get; set; }

    /// <summary>SM2 private key, 64 hex digits. Required for the current key; a retired key may keep it until it retires, then should drop it.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Uncompressed SM2 public key (130 hex digits): checked against the private key when both are given; all a retired key needs.</summary>
    public string? PublicKey { get; set; }

    /// <summary>First instant the key may sign.</summary>
    public string? ValidFrom { get; set; }

    /// <summary>End of the seal's validity (exclusive). The key retires earlier when the department's next key starts.</summary>
    public string? ValidTo { get; set; }

    /// <summary>The department's earlier keys (configuration only), kept so what they sealed still verifies.</summary>
    public List<SealKeyOptions> Retired { get; set; } = [];
}
