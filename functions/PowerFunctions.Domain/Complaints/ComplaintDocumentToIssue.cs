namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The 答复意见书 an <c>answer</c> needs before it is committed: deterministic id (so a retried command
/// reuses it), type <c>answer-opinion</c>, labelled lines, paragraphs and the basis to print. It never
/// names the filer: a report's answer may pass through the department reported on.
/// </summary>
public sealed record ComplaintDocumentToIssue(
    string DocumentId,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<string> Paragraphs,
    string LegalBasis)
{
    /// <summary>The document type (API kebab case).</summary>
    public const string Type = "answer-opinion";

    /// <summary>The title printed on it.</summary>
    public const string Title = "答复意见书";
}
