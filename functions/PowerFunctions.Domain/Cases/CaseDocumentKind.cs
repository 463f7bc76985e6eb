namespace PowerFunctions.Domain.Cases;

/// <summary>The written acts of a case (mirrors the app's document types).</summary>
public enum CaseDocumentKind
{
    AcceptanceNotice,
    RefusalNotice,
    CorrectionNotice,
    ApprovalDecision,
    DenialDecision,
    DeliveryReceipt,
}
