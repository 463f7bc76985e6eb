using System.Text.Json.Serialization;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// One SM2 key of a department's electronic seal (电子印章): the seal object of GB/T 38540 (id, holder,
/// validity, signer key), the key id every seal made with it names, and — for the key that signs now —
/// the private key. A department's keys form a <see cref="SealKeyRing"/>; a key replaced by a newer one
/// is retired (<see cref="RetiredAt"/>) but still verifies what it sealed while it was active.
/// </summary>
public sealed record SealKey
{
    /// <summary>Names this key in every seal it makes (<c>seal.keyId</c>); unique within the department.</summary>
    public string KeyId { get; init; } = string.Empty;

    public required string SealId { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    /// <summary>First instant the key may sign (inclusive).</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Last instant the key may sign (exclusive): the end of the seal's registered validity.</summary>
    public required DateTimeOffset ValidTo { get; init; }

    /// <summary>
    /// When the department's next key took over (its <see cref="ValidFrom"/>), if that is before
    /// <see cref="ValidTo"/>; set by <see cref="SealKeyRing"/>, never configured.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>Uncompressed SM2 point, upper-case hex.</summary>
    public required string PublicKey { get; init; }

    /// <summary>SM2 private scalar, hex; null for a key known only to verify. Never serialised into a document or an answer.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>Where the key came from: <c>key-vault</c>, <c>configuration</c> or <c>development</c>.</summary>
    public string Source { get; init; } = "configuration";

    /// <summary>The end of the period the key was active: its retirement, else the end of its validity.</summary>
    [JsonIgnore]
    public DateTimeOffset ActiveUntil => RetiredAt is { } retired && retired < ValidTo ? retired : ValidTo;

    /// <summary>True when the key may sign at <paramref name="instant"/>: within its validity and not yet retired.</summary>
    public bool IsValidAt(DateTimeOffset instant) => instant >= ValidFrom && instant < ActiveUntil;

    /// <summary>The key id used where none is configured: the department and the first 8 hex digits of the public key's x.</summary>
    public static string DefaultKeyId(string departmentCode, string publicKey) => $"{departmentCode}-{publicKey[2..10].ToUpperInvariant()}";
}
