using PowerFunctions.App.Features.Documents;

namespace PowerFunctions.App.Features.Cases;

/// <summary>The applicant of a case, for its notices and decisions (<see cref="DocumentAccess"/>).</summary>
public sealed class CaseDocumentOwners(CaseStore store) : IDocumentOwners
{
    public bool Holds(DocumentType type) => type is DocumentType.AcceptanceNotice or DocumentType.RefusalNotice or DocumentType.CorrectionNotice
        or DocumentType.ApprovalDecision or DocumentType.DenialDecision or DocumentType.DeliveryReceipt or DocumentType.SuspensionNotice
        or DocumentType.ExtensionNotice; // not the 整改通知书: it is written to the department

    public async Task<DocumentOwner?> FindAsync(string number, CancellationToken cancellationToken) =>
        await store.LoadAsync(number, cancellationToken).ConfigureAwait(false) is { } loaded
            ? new DocumentOwner(loaded.Case.ApplicantSubject, loaded.Case.QueryCode)
            : null;
}
