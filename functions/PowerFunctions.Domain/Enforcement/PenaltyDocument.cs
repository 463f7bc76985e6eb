namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The document an event needs before it is committed: kind, deterministic id (<c>{caseNo}-{suffix}</c>,
/// so a retried command reuses it), labelled facts, paragraphs and the legal basis printed on it.
/// </summary>
public sealed record PenaltyDocument(
    PenaltyDocumentKind Kind,
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis);
