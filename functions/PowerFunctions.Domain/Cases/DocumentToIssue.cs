namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The document an event needs before it is committed: kind, deterministic id (so a retried command
/// reuses it), its facts as labelled lines, its reasons or items as paragraphs, and the legal basis.
/// The notice's wording (the statement of the act, the case number, item and applicant, the remedies)
/// is its template's, so none of that is repeated here.
/// </summary>
public sealed record DocumentToIssue(
    CaseDocumentKind Kind,
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis);
