using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>Requests for every document kind: plain ones, and realistic long ones with rare characters.</summary>
internal static class SampleDocuments
{
    public const string CaseNo = "D01-2026-000123";
    public const string Applicant = "杭州示例餐饮管理有限公司";
    public const string Department = "示例市市场监督管理局";
    public const string QueryCode = "Q7K2-9XPM";

    public static readonly DateTimeOffset IssuedAt = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static TheoryData<DocumentType> Types => new(Enum.GetValues<DocumentType>());

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
        Acceptance = type == DocumentType.AcceptanceNotice ? new AcceptanceFacts(new DateOnly(2026, 10, 23), QueryCode) : null,
        Suspension = type == DocumentType.SuspensionNotice ? new SuspensionFacts("专家评审", new DateOnly(2026, 9, 21), "预计二十个工作日", new DateOnly(2026, 10, 23)) : null,
        Extension = type == DocumentType.ExtensionNotice ? new ExtensionFacts(new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 6), "王五（副局长）") : null,
    };

    /// <summary>
    /// A long, realistic request: a department and an item whose names wrap, an applicant with characters
    /// of the 通用规范汉字表 outside GB 2312 (𫖯 U+2B5AF, 䶮 U+4DAE, 𬘩 U+2C629), Latin and digits in the
    /// text, quotes and book-title marks, and paragraphs long enough to run over several lines and pages.
    /// <paramref name="shift"/> lengthens the applicant's name, moving every line break of the body.
    /// </summary>
    public static DocumentRequest Realistic(DocumentType type, int shift = 0) => For(type) with
    {
        DepartmentName = "杭州市西湖区市场监督管理局（知识产权局）",
        ApplicantName = "赵孟𫖯" + new string('䶮', shift % 3) + string.Concat(Enumerable.Repeat("记", shift)) + "（西湖区孟𫖯䶮记面馆经营者，统一社会信用代码92330106MA2KXXXX1Q）",
        ItemName = "食品经营许可证核发（含网络经营、集体用餐配送单位、中央厨房等特殊食品经营项目的新办、延续与变更）",
        Fields = [.. Fields(type), new("经办窗口", "杭州市西湖区行政服务中心二楼B区12号窗口（文三路508号），联系电话0571-8888 0000")],
        Paragraphs = type switch
        {
            DocumentType.ExtensionNotice =>
            [
                "该申请涉及集体用餐配送与中央厨房两类特殊经营项目，需对“冷链运输车辆温控记录”和《食品安全管理制度》逐项核对，二十个工作日内不能完成审查。",
                "申请人于2026年10月9日提交的补充说明（含附件3份）需由欧阳𬘩等2名审查人员复核，并征求区卫生健康局意见。",
            ],
            DocumentType.RefusalNotice or DocumentType.DenialDecision or DocumentType.CorrectionNotice or DocumentType.RectificationNotice =>
            [
                .. Paragraphs(type),
                "经营场所平面图未标明“原料库、粗加工区、烹饪区、备餐间、餐用具清洗消毒区”的位置与面积（单位：m²），且与《食品经营许可审查通则（试行）》第十二条、第十三条规定的布局要求不符；请按照《餐饮服务食品安全操作规范》附录A的样式重新绘制，并由法定代表人签字、加盖公章。",
                "法定代表人（负责人）身份证明复印件模糊不清，无法辨认“姓名、公民身份号码”等信息；委托他人办理的，还应当提交授权委托书及受托人身份证明（原件核验后退还）。",
            ],
            _ =>
            [
                .. Paragraphs(type),
                "本文书所称“工作日”不含法定节假日和调休日；期限届满之日为节假日的，以节假日后的第一个工作日为期限届满日（依据《中华人民共和国行政许可法》第八十二条）。",
            ],
        },
    };

    public static string Kebab(DocumentType type) => string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A bulletin-like content with a ranking table over two pages and a bar chart (the capability a quarterly bulletin uses).</summary>
    public static DocumentContent RankingContent(int departments) => new()
    {
        Issuer = "示例市人民政府办公室",
        Title = "2026年第三季度行政许可办理情况通报",
        Number = "示政办通〔2026〕15号",
        Addressee = "各县（市、区）人民政府，市政府各部门",
        Body =
        [
            new DocumentParagraph("现将2026年第三季度全市行政许可事项办理情况通报如下。各部门按期办结率、群众满意度排名见下表和下图。"),
            new DocumentTable("表1 各部门按期办结率排名",
                [new("排名", 0.6, TextAlign.Center), new("部门", 3), new("办件量", 1, TextAlign.End), new("按期办结率", 1.2, TextAlign.End)],
                Enumerable.Range(1, departments).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"示例市第{DocumentTexts.ChineseOrdinal(i)}局（行政审批服务处）", (1000 - (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{100 - (i * 0.4):0.0}%"]).ToList()),
            new DocumentBarChart("图1 各部门按期办结率", "%",
                Enumerable.Range(1, Math.Min(departments, 12)).Select(i => new DocumentBar($"示例市第{DocumentTexts.ChineseOrdinal(i)}局", 100 - (i * 0.4))).ToList()),
            new DocumentParagraph("请排名后三位的部门于10月31日前书面说明原因并提出整改措施。"),
        ],
        Date = new DateOnly(2026, 10, 12),
        SealPurpose = "行政许可专用章",
    };

    private static IReadOnlyList<DocumentField> Fields(DocumentType type) => type switch
    {
        DocumentType.AcceptanceNotice => [new("受理日期", "2026年9月18日")],
        DocumentType.CorrectionNotice => [new("收件日期", "2026年9月17日"), new("补正期限", "收到本告知书之日起5个工作日内"), new("受理窗口", "市民中心二楼 B12 窗口")],
        DocumentType.ApprovalDecision => [new("许可证编号", "JY13301060012345"), new("有效期", "2026年9月18日至2031年9月17日"), new("决定日期", "2026年9月18日")],
        DocumentType.DenialDecision => [new("决定日期", "2026年9月18日")],
        DocumentType.DeliveryReceipt => [new("送达文书", "准予行政许可决定书 D01〔2026〕准许字第000123号"), new("送达方式", "直接送达"), new("送达地点", "市民中心二楼 B12 窗口"), new("送达人", "李四、王五")],
        DocumentType.RectificationNotice => [new("评价等级", "不满意"), new("整改期限", "2026年9月30日前"), new("监察编号", "JC-2026-0042")],
        DocumentType.PenaltyNotice => [new("当事人", Applicant), new("告知日期", "2026年9月18日")],
        DocumentType.HearingNotice => [new("听证日期", "2026年10月13日"), new("听证地点", "市应急管理局三楼听证室"), new("听证主持人", "周主持"), new("是否公开", "公开举行")],
        DocumentType.HearingRecord => [new("听证日期", "2026年10月13日"), new("听证主持人", "周主持"), new("签字情况", "当事人（代理人）已核对签字")],
        DocumentType.CollectiveDecisionRecord => [new("讨论日期", "2026年10月15日"), new("参会人员", "钱局长、周副局长、吴副局长")],
        DocumentType.PenaltyDecision or DocumentType.NoPenaltyDecision => [new("统一社会信用代码", "91410100MA44B1234X"), new("地址", "郑州市金水区某路1号"), new("决定日期", "2026年10月16日")],
        DocumentType.PenaltyDeliveryReceipt => [new("送达文书", "行政处罚决定书 D01〔2026〕罚决字第000123号"), new("送达方式", "直接送达"), new("受送达人", Applicant), new("送达日期", "2026年10月19日")],
        _ => [],
    };

    private static IReadOnlyList<string> Paragraphs(DocumentType type) => type switch
    {
        DocumentType.RefusalNotice => ["申请事项依法不属于本机关职权范围，请向县级人民政府卫生健康主管部门申请。"],
        DocumentType.CorrectionNotice => ["缺少经营场所使用证明（房屋租赁合同或产权证明复印件）。", "食品安全管理制度文本未加盖申请人公章。", "法定代表人身份证明复印件不清晰，请重新提供。"],
        DocumentType.DenialDecision => ["经现场核查，经营场所与污染源的距离不足25米，不符合《食品经营许可审查通则》第十条的要求。", "未配备与经营规模相适应的冷藏设施。"],
        DocumentType.RectificationNotice => ["该事项受理环节超过承诺时限2个工作日，未说明理由。", "补正告知未一次性告知全部需补正材料。"],
        DocumentType.SuspensionNotice => ["专家评审由本机关从专家库中随机抽取3名专家进行，评审结论将书面告知你（单位）。"],
        DocumentType.ExtensionNotice => ["该申请涉及集体用餐配送项目，需组织现场核查，二十个工作日内不能作出决定。"],
        DocumentType.PenaltyNotice => ["经查，你单位12名从业人员中有3人未经安全生产教育和培训即上岗作业。", "你（单位）有权进行陈述和申辩，陈述、申辩可以在2026年9月25日前提出；本机关不因你（单位）陈述、申辩而给予更重的处罚。"],
        DocumentType.HearingNotice => ["请你（单位）按时参加听证。你（单位）可以亲自参加听证，也可以委托一至二人代理。"],
        DocumentType.HearingRecord => ["调查人员提出违法事实、证据和处罚建议；当事人进行申辩和质证，称已组织全员补训。"],
        DocumentType.CollectiveDecisionRecord => ["表决情况：钱局长 同意；周副局长 同意；吴副局长 弃权", "讨论决定：认定情节“一般”，给予罚款人民币30,000.00元"],
        DocumentType.PenaltyDecision => ["经查，你单位12名从业人员中有3人未经安全生产教育和培训即上岗作业。", "决定给予如下行政处罚：罚款人民币30,000.00元。", "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在收到本决定书之日起六个月内依法向人民法院提起行政诉讼。"],
        DocumentType.NoPenaltyDecision => ["经查，你单位已于立案前组织全员补训，违法行为轻微并及时改正，没有造成危害后果。", "决定不予行政处罚。"],
        _ => [],
    };
}
