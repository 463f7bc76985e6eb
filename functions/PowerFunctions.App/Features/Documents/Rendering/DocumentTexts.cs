using System.Globalization;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// The fixed wording of each document kind: title, the word of its number, the default legal basis,
/// the seal, and the remedies an adverse act must state; plus the labels and formats all kinds share.
/// </summary>
public static class DocumentTexts
{
    /// <summary>
    /// Remedies printed on an adverse act: administrative reconsideration within 60 days, or a suit
    /// within 6 months, of receiving it.
    /// Source: 行政许可法 第三十八条第二款 (a denial states reasons and tells the applicant of the right to
    /// reconsideration or litigation); 行政复议法 第二十条 (sixty days); 行政诉讼法 第四十六条 (six months).
    /// </summary>
    public const string Remedies =
        "如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者自收到本文书之日起六个月内依法向人民法院提起行政诉讼。";

    /// <summary>Sources of <see cref="Remedies"/>, printed under them.</summary>
    public const string RemediesBasis = "依据：《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条。";

    public const string RemediesLabel = "救济途径：";

    /// <summary>The label of the case number; its synonyms (案件编号, 受理编号…) are the same field.</summary>
    public const string CaseNoLabel = "办件编号";

    public const string ItemLabel = "申请事项";

    public const string ApplicantLabel = "申请人";

    /// <summary>The document title as printed.</summary>
    public static string Title(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => "受理通知书",
        DocumentType.RefusalNotice => "不予受理通知书",
        DocumentType.CorrectionNotice => "补正告知书",
        DocumentType.ApprovalDecision => "准予行政许可决定书",
        DocumentType.DenialDecision => "不予行政许可决定书",
        DocumentType.DeliveryReceipt => "送达回证",
        DocumentType.RectificationNotice => "整改通知书",
        DocumentType.SuspensionNotice => "特别程序告知书",
        DocumentType.ExtensionNotice => "延长行政许可期限告知书",
        DocumentType.AnswerOpinion => "答复意见书",
        DocumentType.SupervisionBulletin => "行政权力运行电子监察情况通报",
        DocumentType.PenaltyNotice => "行政处罚事先告知书",
        DocumentType.HearingNotice => "行政处罚听证通知书",
        DocumentType.HearingRecord => "听证笔录",
        DocumentType.CollectiveDecisionRecord => "集体讨论记录",
        DocumentType.PenaltyDecision => "行政处罚决定书",
        DocumentType.NoPenaltyDecision => "不予行政处罚决定书",
        DocumentType.PenaltyDeliveryReceipt => "送达回证",
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
        DocumentType.RectificationNotice => "改",
        DocumentType.SuspensionNotice => "特",
        DocumentType.ExtensionNotice => "延",
        DocumentType.AnswerOpinion => "复",
        DocumentType.SupervisionBulletin => "通",
        DocumentType.PenaltyNotice => "罚告",
        DocumentType.HearingNotice => "听告",
        DocumentType.HearingRecord => "听录",
        DocumentType.CollectiveDecisionRecord => "集讨",
        DocumentType.PenaltyDecision => "罚决",
        DocumentType.NoPenaltyDecision => "不罚",
        DocumentType.PenaltyDeliveryReceipt => "罚送",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Whether the act is adverse to the applicant and so must state the remedies.
    /// Source: 行政许可法 第三十八条第二款; 行政复议法 第二条.
    /// </summary>
    public static bool StatesRemedies(DocumentType type) => type is DocumentType.DenialDecision or DocumentType.RefusalNotice;

    /// <summary>The legal basis of a supervision 整改通知书 (<see cref="DocumentRequest.Rectification"/>) when the request names none.</summary>
    public const string SupervisionRectificationBasis = "行政权力运行电子监察及责任追究有关规定";

    /// <summary>The legal basis cited when the request names none.</summary>
    public static string DefaultBasis(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => "《中华人民共和国行政许可法》第三十二条第一款第（五）项",
        DocumentType.RefusalNotice => "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        DocumentType.CorrectionNotice => "《中华人民共和国行政许可法》第三十二条第一款第（四）项",
        DocumentType.ApprovalDecision => "《中华人民共和国行政许可法》第三十八条第一款",
        DocumentType.DenialDecision => "《中华人民共和国行政许可法》第三十八条第二款",
        DocumentType.DeliveryReceipt => "《中华人民共和国行政许可法》第四十四条",
        DocumentType.RectificationNotice => "《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）",
        DocumentType.SuspensionNotice => "《中华人民共和国行政许可法》第四十五条",
        DocumentType.ExtensionNotice => "《中华人民共和国行政许可法》第四十二条第一款",
        DocumentType.AnswerOpinion => "《信访工作条例》",
        DocumentType.SupervisionBulletin => "行政权力公开透明运行监督检查有关规定（周清月结季通报年考核）",
        DocumentType.PenaltyNotice => "《中华人民共和国行政处罚法》第四十四条、第四十五条",
        DocumentType.HearingNotice => "《中华人民共和国行政处罚法》第六十四条",
        DocumentType.HearingRecord => "《中华人民共和国行政处罚法》第六十四条",
        DocumentType.CollectiveDecisionRecord => "《中华人民共和国行政处罚法》第五十七条第二款",
        DocumentType.PenaltyDecision => "《中华人民共和国行政处罚法》第五十七条、第五十九条",
        DocumentType.NoPenaltyDecision => "《中华人民共和国行政处罚法》第三十三条、第五十七条",
        DocumentType.PenaltyDeliveryReceipt => "《中华人民共和国行政处罚法》第六十一条",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>What the seal says under its star.</summary>
    public static string SealPurpose(DocumentType type) => type switch
    {
        DocumentType.RectificationNotice or DocumentType.SupervisionBulletin => "电子监察专用章",
        DocumentType.AnswerOpinion => "信访专用章",
        _ when IsEnforcementAct(type) => "行政执法专用章",
        _ => "行政许可专用章",
    };

    /// <summary>The written acts of a penalty case (行政处罚法): they print the penalty procedure's wording, not the licensing law's.</summary>
    public static bool IsEnforcementAct(DocumentType type) => type is DocumentType.PenaltyNotice or DocumentType.HearingNotice or DocumentType.HearingRecord
        or DocumentType.CollectiveDecisionRecord or DocumentType.PenaltyDecision or DocumentType.NoPenaltyDecision or DocumentType.PenaltyDeliveryReceipt;

    /// <summary>
    /// The one name of a field label: the case number's synonyms (办件编号, 案件编号, 受理编号, 申请编号),
    /// the item's (申请事项, 事项名称, 许可事项, a penalty case's 案由) and the applicant's (申请人, 申请单位, a
    /// penalty case's 当事人) each collapse to one.
    /// </summary>
    public static string CanonicalLabel(string label)
    {
        var trimmed = label.Trim().TrimEnd('：', ':');
        return trimmed switch
        {
            "办件编号" or "案件编号" or "受理编号" or "申请编号" or "办件号" or "案件号" => CaseNoLabel,
            "申请事项" or "事项名称" or "许可事项" or "办理事项" or "案由" => ItemLabel,
            "申请人" or "申请单位" or "申请人名称" or "当事人" => ApplicantLabel,
            _ => trimmed,
        };
    }

    /// <summary>A date in the Chinese form, e.g. 2026年9月18日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>一, 二, … 九十九 (numbering of items).</summary>
    public static string ChineseOrdinal(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 1 => n.ToString(CultureInfo.InvariantCulture),
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A chart's value as printed: up to two decimals, no trailing zeros.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A chart's caption with its unit, e.g. 按期办结率（单位：%）.</summary>
    public static string ChartCaption(string? caption, string? unit) =>
        (caption ?? string.Empty) + (string.IsNullOrWhiteSpace(unit) ? string.Empty : $"（单位：{unit}）");
}
