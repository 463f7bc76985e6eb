namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>
/// The facts of the sealed 整改通知书 (the document helper renders and seals it): deterministic id
/// (<c>{rectificationId}-notice</c>, so a retried issue reuses it), type <c>rectification-notice</c>, the addressee,
/// labelled lines, paragraphs and the basis to print, the issuing date and the due date.
/// </summary>
public sealed record RectificationNotice(
    string DocumentId,
    string RectificationId,
    string Department,
    string Addressee,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis,
    DateOnly IssuedOn,
    DateOnly Due)
{
    /// <summary>The document type (API kebab case).</summary>
    public const string Type = "rectification-notice";

    /// <summary>The title printed on it.</summary>
    public const string Title = "整改通知书";
}
