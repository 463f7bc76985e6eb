namespace PowerFunctions.App.Config;

/// <summary>
/// <c>Auth:RealName:*</c>: the identity service citizens prove their identity with (the government's
/// unified identity service, an OpenID Connect issuer), how its ID token names the person, and the keys
/// of the identity fingerprint (a keyed hash of the identity document; tokens and tables hold only it).
/// </summary>
public sealed class RealNameOptions
{
    /// <summary>The identity service's issuer URL.</summary>
    public string? Authority { get; set; }

    /// <summary>Our client id there: the ID token's audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>ID-token claim with the verified name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>ID-token claim with the identity document number.</summary>
    public string IdNumberClaim { get; set; } = "id_number";

    /// <summary>ID-token claim with the document type; absent means the resident identity card.</summary>
    public string? IdTypeClaim { get; set; }

    /// <summary>ID-token claim with the assurance level (a whole number ≥ 1); absent means level 1.</summary>
    public string? LevelClaim { get; set; }

    /// <summary>The lowest level a submission accepts where real-name filing is required.</summary>
    public int MinimumLevel { get; set; } = 1;

    /// <summary>How long a nonce handed out for the identity service's sign-in is good for, in minutes.</summary>
    public int NonceMinutes { get; set; } = 10;

    /// <summary>HMAC-SHA256 keys of identity fingerprints by key id, base64, at least 32 bytes each.</summary>
    public Dictionary<string, string> HashKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id new fingerprints use; may be left out when there is one key.</summary>
    public string? ActiveHashKey { get; set; }
}
