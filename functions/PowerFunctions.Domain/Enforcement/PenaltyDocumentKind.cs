namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The written acts of a penalty case, each sealed before its event commits (API document types
/// <c>penalty-notice</c>, <c>hearing-notice</c>, <c>hearing-record</c>, <c>collective-decision-record</c>,
/// <c>penalty-decision</c>, <c>no-penalty-decision</c>, <c>delivery-receipt</c>).
/// </summary>
public enum PenaltyDocumentKind
{
    /// <summary>行政处罚事先告知书 (第四十四条).</summary>
    PenaltyNotice,

    /// <summary>听证通知书 (第六十四条(二)).</summary>
    HearingNotice,

    /// <summary>听证笔录 (第六十四条(八)).</summary>
    HearingRecord,

    /// <summary>集体讨论记录 (第五十七条第二款; 国办发〔2022〕27号: 归入执法案卷).</summary>
    CollectiveDecisionRecord,

    /// <summary>行政处罚决定书 (第五十九条).</summary>
    PenaltyDecision,

    /// <summary>不予行政处罚决定书 (第五十七条第一款(二)(三)).</summary>
    NoPenaltyDecision,

    /// <summary>送达回证 (第六十一条).</summary>
    DeliveryReceipt,
}
