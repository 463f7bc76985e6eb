namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// How a penalty case came to be opened ex officio (立案): from an inspection (检查), a complaint or report
/// ticket (投诉举报 工单), or a referral by another enforcer (移送). API codes <c>inspection</c>,
/// <c>complaint</c>, <c>referral</c>. Source: 行政处罚法 第五十四条.
/// </summary>
public enum PenaltySourceKind
{
    Inspection,
    Complaint,
    Referral,
}
