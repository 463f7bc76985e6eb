namespace PowerFunctions.App.Features.Documents.Storage;

/// <summary>The index row of one sealed document: enough to serve and verify it with one lookup.</summary>
public sealed record DocumentRecord
{
    public required string Id { get; init; }

    public required DocumentType Type { get; init; }

    public required string CaseNo { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    public required string BlobName { get; init; }

    public required string SealBlobName { get; init; }

    public required string Sha256 { get; init; }

    public required string SealId { get; init; }

    public required long Length { get; init; }

    public required DateTimeOffset SealedAt { get; init; }

    public required string ContentDigest { get; init; }

    public IssuedDocument ToIssued() => new(Id, Type, Sha256, SealId, BlobName, Length);
}
