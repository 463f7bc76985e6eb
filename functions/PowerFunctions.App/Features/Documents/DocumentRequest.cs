using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// What to write: the facts of one act. The kind's template (<c>Rendering/DocumentTemplates</c>) owns the
/// wording — the operative statement (受理/不予受理/准予…), the legal basis in it, the remedies — so a
/// caller gives facts, reasons and items, never that wording again. <see cref="DocumentId"/> is chosen by
/// the caller, deterministic per case act (e.g. <c>{caseNo}-acceptance-notice-1</c>), letters, digits and
/// dashes only.
/// </summary>
public sealed record DocumentRequest
{
    public required string DocumentId { get; init; }

    public required DocumentType Type { get; init; }

    public required string CaseNo { get; init; }

    public required string DepartmentCode { get; init; }

    /// <summary>The issuing department: letterhead, signature, seal.</summary>
    public required string DepartmentName { get; init; }

    public required string ApplicantName { get; init; }

    public required string ItemName { get; init; }

    /// <summary>When the act was done (China time is printed).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>
    /// Labelled facts for the fields box (受理日期, 许可证编号, 送达方式…). The case number, the item and the
    /// applicant are printed by the template: a field repeating one of them (e.g. 办件编号, 申请事项) is
    /// dropped, as is a second field with the same label or value.
    /// </summary>
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];

    /// <summary>
    /// The body the kind expects: the reasons (不予受理, 不予许可, 延期), the items (补正材料, 整改问题), or
    /// further notes (the other kinds). Several are numbered 一、二、…
    /// </summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The legal basis cited in the statement; the kind's default when none.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Whom the document is written to when not the applicant (an 整改通知书 goes to the department).</summary>
    public string? Addressee { get; init; }

    /// <summary>An acceptance notice's decision due date and query code (printed when given).</summary>
    public AcceptanceFacts? Acceptance { get; init; }

    /// <summary>A suspension notice's procedure and time (required for <see cref="DocumentType.SuspensionNotice"/>).</summary>
    public SuspensionFacts? Suspension { get; init; }

    /// <summary>An extension notice's dates (required for <see cref="DocumentType.ExtensionNotice"/>).</summary>
    public ExtensionFacts? Extension { get; init; }

    /// <summary>Tables and bar charts, printed after the paragraphs and fields (e.g. a bulletin's ranking).</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];

    /// <summary>A supervision 整改通知书's facts (<see cref="DocumentType.RectificationNotice"/> ordered by the supervision centre).</summary>
    public RectificationFacts? Rectification { get; init; }

    /// <summary>
    /// The folder of the blobs when the document belongs to no case (a rectification notice, a bulletin): relative,
    /// segments of letters, digits, <c>-</c> and <c>_</c>; null keeps <c>cases/{CaseNo}</c>.
    /// </summary>
    public string? StorageFolder { get; init; }
}
