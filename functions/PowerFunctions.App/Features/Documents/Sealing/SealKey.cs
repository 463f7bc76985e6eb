namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// A department's electronic seal (电子印章) and its SM2 key: the seal object of GB/T 38540 (id,
/// holder, validity, signer key) plus the private key that signs for it. <see cref="PrivateKey"/>
/// is null for a seal known only to verify.
/// </summary>
public sealed record SealKey
{
    public required string SealId { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    /// <summary>First instant the seal may sign (inclusive).</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Last instant the seal may sign (exclusive).</summary>
    public required DateTimeOffset ValidTo { get; init; }

    /// <summary>Uncompressed SM2 point, hex.</summary>
    public required string PublicKey { get; init; }

    /// <summary>SM2 private scalar, hex; never serialised into a document or an answer.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>Where the key came from: <c>configuration</c> or <c>development</c>.</summary>
    public string Source { get; init; } = "configuration";

    public bool IsValidAt(DateTimeOffset instant) => instant >= ValidFrom && instant < ValidTo;
}
