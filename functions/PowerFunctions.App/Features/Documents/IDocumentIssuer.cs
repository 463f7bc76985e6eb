namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Renders, seals (SM2/SM3) and stores a document create-only. Idempotent on
/// <see cref="DocumentRequest.DocumentId"/>: issuing an id that exists answers the stored document,
/// so a retried case command never makes a second one.
/// </summary>
public interface IDocumentIssuer
{
    Task<IssuedDocument> IssueAsync(DocumentRequest request, CancellationToken cancellationToken);
}

/// <summary>The written acts of a case (API code in kebab case, e.g. <c>acceptance-notice</c>).</summary>
public enum DocumentType
{
    /// <summary>受理通知书</summary>
    AcceptanceNotice,

    /// <summary>不予受理通知书</summary>
    RefusalNotice,

    /// <summary>补正告知书 (一次性告知)</summary>
    CorrectionNotice,

    /// <summary>准予许可决定书</summary>
    ApprovalDecision,

    /// <summary>不予许可决定书 (reasons and remedies)</summary>
    DenialDecision,

    /// <summary>送达回证</summary>
    DeliveryReceipt,

    /// <summary>中止办理告知书 (行政许可法 第四十五条)</summary>
    SuspensionNotice,

    /// <summary>延长办理期限告知书 (行政许可法 第四十二条)</summary>
    ExtensionNotice,

    /// <summary>整改通知书</summary>
    RectificationNotice,
}

/// <summary>
/// What to write. <see cref="DocumentId"/> is chosen by the caller, deterministic per case act
/// (e.g. <c>{caseNo}-acceptance-notice-1</c>), letters, digits and dashes only.
/// </summary>
public sealed record DocumentRequest
{
    public required string DocumentId { get; init; }

    public required DocumentType Type { get; init; }

    public required string CaseNo { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    public required string ApplicantName { get; init; }

    public required string ItemName { get; init; }

    /// <summary>When the act was done (China time is printed).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Labelled lines (e.g. 申请事项, 受理日期, 办结期限).</summary>
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];

    /// <summary>Body paragraphs (reasons, the list of missing materials, remedies).</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The legal basis cited (law and article).</summary>
    public string? LegalBasis { get; init; }
}

/// <summary>One labelled line of a document.</summary>
public sealed record DocumentField(string Label, string Value);

/// <summary>What the case records of a document.</summary>
public sealed record IssuedDocument(string Id, DocumentType Type, string Sha256, string SealId, string BlobName, long Length);
