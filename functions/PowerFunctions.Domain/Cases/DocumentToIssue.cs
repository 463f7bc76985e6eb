using PowerFunctions.Domain.Documents;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The document an event needs before it is committed: kind, deterministic id (so a retried command
/// reuses it), its facts as labelled lines, its reasons or items as paragraphs, the legal basis, and the
/// typed facts of the kinds that have them (acceptance, suspension, extension). The notice's wording (the
/// statement of the act, the case number, item and applicant, the remedies) is its template's, so none
/// of that is repeated here.
/// </summary>
public sealed record DocumentToIssue(
    DocumentKind Kind,
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis)
{
    /// <summary>The acceptance notice's decision due date, query code and deemed flag.</summary>
    public AcceptanceNoticeFacts? Acceptance { get; init; }

    /// <summary>The suspension notice's procedure and expected time.</summary>
    public SuspensionNoticeFacts? Suspension { get; init; }

    /// <summary>The extension notice's dates and approver.</summary>
    public ExtensionNoticeFacts? Extension { get; init; }
}
