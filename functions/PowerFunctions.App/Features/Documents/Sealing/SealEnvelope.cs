namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// What is stored beside a sealed PDF (<c>{id}.seal.json</c>), shaped after GB/T 38540: the seal
/// object (印章) and the signature object (签章) over the SM3 digest of the PDF bytes. Versioned by
/// <see cref="Format"/>: <see cref="CurrentFormat"/> names the key that signed (<see cref="SealObject.KeyId"/>);
/// <see cref="FirstFormat"/> (documents sealed before key ids) names none and still verifies.
/// </summary>
public sealed record SealEnvelope
{
    /// <summary>The format written today: the seal names its key id, which the signed block binds.</summary>
    public const string CurrentFormat = "powerfunctions-seal/2";

    /// <summary>The first format: no key id; read and verified, never written.</summary>
    public const string FirstFormat = "powerfunctions-seal/1";

    public string Format { get; init; } = CurrentFormat;

    public required SealObject Seal { get; init; }

    public required SignatureObject Signature { get; init; }
}

/// <summary>The seal (GB/T 38540 印章数据): who holds it, from when to when, the signer's key and its id.</summary>
public sealed record SealObject
{
    public required string SealId { get; init; }

    /// <summary>The department key that signed (format 2); null in format 1.</summary>
    public string? KeyId { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    public required DateTimeOffset ValidTo { get; init; }

    /// <summary>Uncompressed SM2 public key, hex.</summary>
    public required string SignerPublicKey { get; init; }

    public string Algorithm { get; init; } = SealCrypto.Algorithm;
}

/// <summary>
/// The signature (GB/T 38540 签章数据): time, digests of the document and the SM2 signature (DER,
/// base64) over <see cref="DocumentSealer.ToBeSigned"/>, which binds the seal, the key id, the time and the SM3 digest.
/// </summary>
public sealed record SignatureObject
{
    public required string DocumentId { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public required string Sha256 { get; init; }

    public required string Sm3 { get; init; }

    public required string Value { get; init; }
}
