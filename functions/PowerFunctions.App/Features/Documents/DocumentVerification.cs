namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// The answer of the verify routes (API.md): <c>{valid, sha256, documentType, caseNo, sealedBy,
/// sealedAt, algorithm}</c>, plus <c>reason</c> and <c>reasonCode</c> when invalid, and the document id,
/// seal id and content digest a citizen can compare with the paper.
/// </summary>
public sealed record DocumentVerification
{
    public required bool Valid { get; init; }

    /// <summary>SHA-256 of the bytes checked (lower-case hex).</summary>
    public required string Sha256 { get; init; }

    public DocumentType? DocumentType { get; init; }

    public string? CaseNo { get; init; }

    /// <summary>The department whose seal signed.</summary>
    public string? SealedBy { get; init; }

    public DateTimeOffset? SealedAt { get; init; }

    public string? Algorithm { get; init; }

    /// <summary>Why it is not valid, in Chinese.</summary>
    public string? Reason { get; init; }

    /// <summary>Why it is not valid, stable: <c>content-changed</c>, <c>signature-invalid</c>, <c>key-not-trusted</c>, <c>key-retired</c>, <c>seal-expired</c>, <c>unsupported-seal</c>, <c>seal-unknown</c>, <c>unknown-document</c>, <c>not-a-pdf</c>, <c>seal-missing</c>.</summary>
    public string? ReasonCode { get; init; }

    public string? DocumentId { get; init; }

    public string? SealId { get; init; }

    public string? ContentDigest { get; init; }
}
