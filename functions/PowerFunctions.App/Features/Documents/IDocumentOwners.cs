namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// Finds the owner of the case or ticket a document was issued on (<see cref="Storage.DocumentRecord.CaseNo"/>).
/// Each feature that issues documents to a citizen registers one (<c>AddCases</c>, <c>AddComplaints</c>);
/// penalty documents have none: the party has no account, they are read by staff and supervisors.
/// </summary>
public interface IDocumentOwners
{
    /// <summary>Whether documents of <paramref name="type"/> are issued on this feature's records.</summary>
    bool Holds(DocumentType type);

    /// <summary>The owner of case or ticket <paramref name="number"/>, or null when there is none.</summary>
    Task<DocumentOwner?> FindAsync(string number, CancellationToken cancellationToken);
}
