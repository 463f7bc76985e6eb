namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Renders, seals (SM2/SM3) and stores a document create-only. Idempotent on
/// <see cref="DocumentRequest.DocumentId"/>: issuing an id that exists answers the stored document,
/// so a retried case command never makes a second one. The answer's <see cref="IssuedDocument.Id"/> is the
/// public id (<see cref="DocumentIds"/>), not the requested one: record that one.
/// </summary>
public interface IDocumentIssuer
{
    Task<IssuedDocument> IssueAsync(DocumentRequest request, CancellationToken cancellationToken);
}
