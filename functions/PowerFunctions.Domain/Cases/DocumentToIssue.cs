namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The document an event needs before it is committed: kind, deterministic id (so a retried command
/// reuses it), labelled lines, paragraphs and the legal basis to print.
/// </summary>
public sealed record DocumentToIssue(
    CaseDocumentKind Kind,
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis);
