using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The document an event needs before it is committed: kind, deterministic id (so a retried command
/// reuses it), the facts as labelled lines, the act's own paragraphs (reasons, the list of materials,
/// …) and the legal basis to print. The case number, the item and the applicant travel apart (the
/// renderer prints them once), and so does the fixed wording of each kind.
/// </summary>
public sealed record DocumentToIssue(
    DocumentKind Kind,
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis);
