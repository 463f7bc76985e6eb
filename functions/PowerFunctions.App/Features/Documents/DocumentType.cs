namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// The kinds of document (API code in kebab case, e.g. <c>acceptance-notice</c>). Each kind's wording is
/// in <c>Rendering/DocumentTexts</c> and its content in <c>Rendering/DocumentTemplates</c>.
/// </summary>
public enum DocumentType
{
    /// <summary>受理通知书 (行政许可法 第三十二条): the acceptance, the decision due date and the query code.</summary>
    AcceptanceNotice,

    /// <summary>不予受理通知书 (第三十二条): reasons and remedies.</summary>
    RefusalNotice,

    /// <summary>补正告知书 (第三十二条, 一次性告知): every material to supply.</summary>
    CorrectionNotice,

    /// <summary>准予行政许可决定书 (第三十八条第一款).</summary>
    ApprovalDecision,

    /// <summary>不予行政许可决定书 (第三十八条第二款): reasons and remedies.</summary>
    DenialDecision,

    /// <summary>送达回证 (第四十四条).</summary>
    DeliveryReceipt,

    /// <summary>
    /// 整改通知书: a 好差评 rectification about one case (国办发〔2019〕51号), or, with
    /// <see cref="DocumentRequest.Rectification"/>, the supervision centre's order to a department (seed 002, seed 004).
    /// </summary>
    RectificationNotice,

    /// <summary>
    /// 特别程序告知书 (第四十五条): the procedure whose time is not counted in the decision limit
    /// (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审) and the time it needs. Needs <see cref="DocumentRequest.Suspension"/>.
    /// </summary>
    SuspensionNotice,

    /// <summary>
    /// 延长行政许可期限告知书 (第四十二条): the head of the body approved ten more days; the reasons are the
    /// request's paragraphs. Needs <see cref="DocumentRequest.Extension"/>.
    /// </summary>
    ExtensionNotice,

    /// <summary>答复意见书: the answer to a complaint ticket (工单); its content comes whole from the ticket (<c>ComplaintDocumentToIssue</c>).</summary>
    AnswerOpinion,

    /// <summary>行政处罚事先告知书 (行政处罚法 第四十四条, 第四十五条, 第六十三条): facts, evidence, basis, the proposed penalty, the party's rights.</summary>
    PenaltyNotice,

    /// <summary>行政处罚听证通知书 (行政处罚法 第六十四条(二)): date, place, presiding officer, public or not, seven working days ahead.</summary>
    HearingNotice,

    /// <summary>听证笔录 (行政处罚法 第六十四条(八)): the record, signed by the party or its refusal noted.</summary>
    HearingRecord,

    /// <summary>集体讨论记录 (行政处罚法 第五十七条第二款; 国办发〔2022〕27号): attendees, votes, dissent, the decision adopted.</summary>
    CollectiveDecisionRecord,

    /// <summary>行政处罚决定书 (行政处罚法 第五十九条).</summary>
    PenaltyDecision,

    /// <summary>不予行政处罚决定书 (行政处罚法 第三十三条, 第五十七条).</summary>
    NoPenaltyDecision,

    /// <summary>送达回证 of a penalty decision (行政处罚法 第六十一条); same form as <see cref="DeliveryReceipt"/>, sealed as an enforcement act.</summary>
    PenaltyDeliveryReceipt,

    /// <summary>
    /// 通报: the quarterly bulletin of the supervision centre (周清月结季通报年考核, seed 002): the departments' ranking as a
    /// table and a bar chart (<see cref="DocumentRequest.Blocks"/>); the period is the request's item name.
    /// </summary>
    SupervisionBulletin,
}
