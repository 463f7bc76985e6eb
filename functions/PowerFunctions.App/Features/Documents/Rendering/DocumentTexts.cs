namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// The fixed wording of each document type: title, the letter of its number, the opening sentence,
/// the default legal basis and, where the act can be challenged, the remedies the applicant must be told.
/// </summary>
public static class DocumentTexts
{
    /// <summary>
    /// Remedies printed on an adverse act: administrative reconsideration within 60 days, or a suit
    /// within 6 months, of learning of the act.
    /// Source: 行政许可法 第三十八条第二款 (a denial states reasons and tells the applicant of the right to
    /// reconsideration or litigation); 行政复议法 第二十条 (sixty days); 行政诉讼法 第四十六条 (six months).
    /// </summary>
    public const string Remedies =
        "如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者自收到本文书之日起六个月内依法向人民法院提起行政诉讼。";

    /// <summary>Sources of <see cref="Remedies"/>, printed under it.</summary>
    public const string RemediesBasis = "《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条";

    /// <summary>The document title as printed.</summary>
    public static string Title(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => "受理通知书",
        DocumentType.RefusalNotice => "不予受理通知书",
        DocumentType.CorrectionNotice => "补正告知书",
        DocumentType.ApprovalDecision => "准予行政许可决定书",
        DocumentType.DenialDecision => "不予行政许可决定书",
        DocumentType.DeliveryReceipt => "送达回证",
        DocumentType.SuspensionNotice => "中止办理告知书",
        DocumentType.ExtensionNotice => "延长办理期限告知书",
        DocumentType.RectificationNotice => "整改通知书",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The word of the document number, as in <c>D01〔2026〕受字第000123号</c>.</summary>
    public static string NumberWord(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => "受",
        DocumentType.RefusalNotice => "不受",
        DocumentType.CorrectionNotice => "补",
        DocumentType.ApprovalDecision => "准许",
        DocumentType.DenialDecision => "不许",
        DocumentType.DeliveryReceipt => "送",
        DocumentType.SuspensionNotice => "中止",
        DocumentType.ExtensionNotice => "延",
        DocumentType.RectificationNotice => "改",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Whether the act is adverse to the applicant and so must state the remedies.
    /// Source: 行政许可法 第三十八条第二款; 行政复议法 第二条.
    /// </summary>
    public static bool StatesRemedies(DocumentType type) => type is DocumentType.DenialDecision or DocumentType.RefusalNotice;

    /// <summary>The legal basis printed when the request names none.</summary>
    public static string DefaultBasis(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => "《中华人民共和国行政许可法》第三十二条第一款第（五）项",
        DocumentType.RefusalNotice => "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        DocumentType.CorrectionNotice => "《中华人民共和国行政许可法》第三十二条第一款第（四）项",
        DocumentType.ApprovalDecision => "《中华人民共和国行政许可法》第三十八条第一款",
        DocumentType.DenialDecision => "《中华人民共和国行政许可法》第三十八条第二款",
        DocumentType.DeliveryReceipt => "《中华人民共和国行政许可法》第四十四条",
        DocumentType.SuspensionNotice => "《中华人民共和国行政许可法》第四十五条",
        DocumentType.ExtensionNotice => "《中华人民共和国行政许可法》第四十二条",
        DocumentType.RectificationNotice => "《中华人民共和国行政许可法》第六十条",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The opening paragraph; the body paragraphs of the request follow it.</summary>
    public static string Opening(DocumentType type, string itemName, string basis) => type switch
    {
        DocumentType.AcceptanceNotice =>
            $"你（单位）提出的{itemName}申请，经审查，申请材料齐全、符合法定形式。根据{basis}的规定，本机关决定予以受理，并将在法定期限内作出决定。",
        DocumentType.RefusalNotice =>
            $"你（单位）提出的{itemName}申请，经审查，根据{basis}的规定，本机关决定不予受理。理由如下：",
        DocumentType.CorrectionNotice =>
            $"你（单位）提出的{itemName}申请，申请材料不齐全或者不符合法定形式。根据{basis}的规定，现一次性告知你（单位）需要补正的全部内容如下：",
        DocumentType.ApprovalDecision =>
            $"你（单位）提出的{itemName}申请，经审查，符合法定条件、标准。根据{basis}的规定，本机关决定准予行政许可。",
        DocumentType.DenialDecision =>
            $"你（单位）提出的{itemName}申请，经审查，不符合法定条件、标准。根据{basis}的规定，本机关决定不予行政许可。理由如下：",
        DocumentType.DeliveryReceipt =>
            $"本机关就{itemName}事项作出的文书，依照{basis}的规定送达如下：",
        DocumentType.SuspensionNotice =>
            $"你（单位）申请的{itemName}事项，根据{basis}的规定，下列程序所需时间不计入办理期限，现书面告知如下：",
        DocumentType.ExtensionNotice =>
            $"你（单位）申请的{itemName}事项，经本机关负责人批准，根据{basis}的规定延长办理期限，现将延长期限和理由告知如下：",
        DocumentType.RectificationNotice =>
            $"经电子监察，{itemName}事项的办理存在下列问题。根据{basis}的规定，请对照整改，并将整改情况书面报告本机关：",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The closing sentence after the body, if any.</summary>
    public static string? Closing(DocumentType type) => type switch
    {
        DocumentType.CorrectionNotice => "请按上述要求补正全部材料后重新提交。逾期不补正的，视为放弃申请。",
        DocumentType.AcceptanceNotice => "请妥善保管本通知书，可凭受理编号和查询码查询办理进度。",
        DocumentType.RectificationNotice => "请于规定期限内完成整改，逾期未整改的，将依照有关规定追究责任。",
        _ => null,
    };

    /// <summary>What the seal says under its star.</summary>
    public static string SealPurpose(DocumentType type) =>
        type == DocumentType.RectificationNotice ? "电子监察专用章" : "行政许可专用章";

    /// <summary>A date in the Chinese form, e.g. 2026年9月18日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
