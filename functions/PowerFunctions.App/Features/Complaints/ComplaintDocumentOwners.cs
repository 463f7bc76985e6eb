using PowerFunctions.App.Features.Documents;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>The filer of a ticket, for its 答复意见书 (<see cref="DocumentAccess"/>).</summary>
public sealed class ComplaintDocumentOwners(ComplaintStore store) : IDocumentOwners
{
    public bool Holds(DocumentType type) => type == DocumentType.AnswerOpinion;

    public async Task<DocumentOwner?> FindAsync(string number, CancellationToken cancellationToken) =>
        await store.LoadAsync(number, cancellationToken).ConfigureAwait(false) is { } loaded
            ? new DocumentOwner(loaded.Complaint.FilerSubject, loaded.Complaint.QueryCode)
            : null;
}
