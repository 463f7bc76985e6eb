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
