using PowerFunctions.App.Features.Documents;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>Realistic requests for every document type.</summary>
internal static class SampleDocuments
{
    public const string CaseNo = "D01-2026-000123";
    public const string Applicant = "杭州示例餐饮管理有限公司";
    public const string Department = "示例市市场监督管理局";

    public static readonly DateTimeOffset IssuedAt = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static DocumentRequest For(DocumentType type, string? id = null, string caseNo = CaseNo, string department = "D01") => new()
    {
        DocumentId = id ?? $"{caseNo}-{Kebab(type)}-1",
        Type = type,
        CaseNo = caseNo,
        DepartmentCode = department,
        DepartmentName = Department,
        ApplicantName = Applicant,
        ItemName = "食品经营许可证核发",
        IssuedAt = IssuedAt,
        Fields = Fields(type),
        Paragraphs = Paragraphs(type),
    };

    public static string Kebab(DocumentType type) => string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IReadOnlyList<DocumentField> Fields(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => [new("受理日期", "2026年9月18日"), new("承诺办结期限", "2026年10月23日前（10个工作日）"), new("查询码", "Q7K2-9XPM")],
        DocumentType.CorrectionNotice => [new("补正期限", "收到本告知书之日起5个工作日内"), new("受理窗口", "市民中心二楼 B12 窗口")],
        DocumentType.ApprovalDecision => [new("许可证编号", "JY13301060012345"), new("有效期", "2026年9月18日至2031年9月17日")],
        DocumentType.DeliveryReceipt => [new("送达文书", "准予行政许可决定书 D01〔2026〕准许字第000123号"), new("送达方式", "直接送达"), new("送达地点", "市民中心二楼 B12 窗口"), new("送达人", "李四、王五")],
        DocumentType.RectificationNotice => [new("整改期限", "2026年9月30日前"), new("监察编号", "JC-2026-0042")],
        _ => [],
    };

    private static IReadOnlyList<string> Paragraphs(DocumentType type) => type switch
    {
        DocumentType.RefusalNotice => ["申请事项依法不属于本机关职权范围，请向县级人民政府卫生健康主管部门申请。"],
        DocumentType.CorrectionNotice => ["缺少经营场所使用证明（房屋租赁合同或产权证明复印件）。", "食品安全管理制度文本未加盖申请人公章。", "法定代表人身份证明复印件不清晰，请重新提供。"],
        DocumentType.DenialDecision => ["经现场核查，经营场所与污染源的距离不足25米，不符合《食品经营许可审查通则》第十条的要求。", "未配备与经营规模相适应的冷藏设施。"],
        DocumentType.RectificationNotice => ["该事项受理环节超过承诺时限2个工作日，未说明理由。", "补正告知未一次性告知全部需补正材料。"],
        _ => [],
    };
}
