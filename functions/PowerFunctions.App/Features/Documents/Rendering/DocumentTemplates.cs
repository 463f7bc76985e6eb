using System.Globalization;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>
/// Each document kind as content: from a request's facts to a <see cref="DocumentContent"/> that says
/// each thing once — the operative statement with its legal basis, the reasons or items, the facts in
/// one fields box (办件编号 first; the item is named in the statement and the applicant is the addressee,
/// so neither is repeated in the box), the closing, and the remedies on an adverse act. A new kind is a
/// <see cref="DocumentType"/> member, its words in <see cref="DocumentTexts"/> and one method here.
/// </summary>
public static class DocumentTemplates
{
    public static DocumentContent Compose(DocumentRequest request) => request.Type switch
    {
        DocumentType.AcceptanceNotice => AcceptanceNotice(request),
        DocumentType.RefusalNotice => RefusalNotice(request),
        DocumentType.CorrectionNotice => CorrectionNotice(request),
        DocumentType.ApprovalDecision => ApprovalDecision(request),
        DocumentType.DenialDecision => DenialDecision(request),
        DocumentType.DeliveryReceipt => DeliveryReceipt(request),
        DocumentType.RectificationNotice => RectificationNotice(request),
        DocumentType.SuspensionNotice => SuspensionNotice(request),
        DocumentType.ExtensionNotice => ExtensionNotice(request),
        DocumentType.AnswerOpinion => AnswerOpinion(request),
        DocumentType.SupervisionBulletin => SupervisionBulletin(request),
        DocumentType.PenaltyNotice or DocumentType.HearingNotice or DocumentType.HearingRecord or DocumentType.CollectiveDecisionRecord
            or DocumentType.PenaltyDecision or DocumentType.NoPenaltyDecision => PenaltyAct(request),
        DocumentType.PenaltyDeliveryReceipt => DeliveryReceipt(request),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Type, "unknown document type"),
    };

    /// <summary>The document number, e.g. <c>D01〔2026〕受字第000123号</c>: department, year, kind, case serial (and the act's ordinal from the second on).</summary>
    public static string DocumentNumber(DocumentRequest request)
    {
        var year = ChinaTime.DateOf(request.IssuedAt).Year;
        if (request.Rectification is { } order)
        {
            // The supervision centre numbers its orders itself (ZG-D01-20260918-001): unique, unlike a case's serial.
            var own = new string(order.NoticeNo.Where(char.IsAsciiLetterOrDigit).ToArray());
            return $"{request.DepartmentCode}〔{year}〕{DocumentTexts.NumberWord(request.Type)}字第{(own.StartsWith("ZG", StringComparison.Ordinal) ? own[2..] : own)}号";
        }

        var digits = new string(request.CaseNo.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
        var serial = digits.Length == 0
            ? (StableHash(request.CaseNo) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)
            : digits.Length >= 6 ? digits[^6..] : digits.PadLeft(6, '0');
        var suffix = string.Empty;
        var lastDash = request.DocumentId.LastIndexOf('-');
        if (lastDash >= 0 && int.TryParse(request.DocumentId[(lastDash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) && ordinal > 1)
        {
            suffix = "-" + ordinal.ToString(CultureInfo.InvariantCulture);
        }

        return $"{request.DepartmentCode}〔{year}〕{DocumentTexts.NumberWord(request.Type)}字第{serial}{suffix}号";
    }

    /// <summary>受理通知书. Source: 行政许可法 第三十二条 (acceptance, deemed acceptance), 第四十二条 and 第四十五条 (the decision limit).</summary>
    private static DocumentContent AcceptanceNotice(DocumentRequest r)
    {
        var facts = r.Acceptance;
        var deemed = facts?.Deemed == true;
        var basis = r.LegalBasis?.Trim() is { Length: > 0 } given ? given
            : deemed ? "《中华人民共和国行政许可法》第三十二条第一款第（四）项" : DocumentTexts.DefaultBasis(r.Type);
        var statement = deemed
            ? $"你（单位）提出的“{r.ItemName}”申请，本机关自收到申请材料之日起五个工作日内未告知补正。根据{basis}的规定，自收到申请材料之日起即为受理。"
            : $"你（单位）提出的“{r.ItemName}”申请，经审查，申请材料齐全、符合法定形式。根据{basis}的规定，本机关决定予以受理。";
        var limit = facts is null
            ? "本机关将在法定期限内作出行政许可决定。"
            : "本机关将在下列期限内作出行政许可决定；依法需要听证、招标、拍卖、检验、检测、检疫、鉴定或者专家评审的，所需时间不计算在期限内，届时另行书面告知。";
        var box = new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo).AddRequestFields();
        if (facts is not null)
        {
            box.Add("作出决定期限", DocumentTexts.ChineseDate(facts.DecisionDue) + "前").Add("查询码", facts.QueryCode);
        }

        var closing = facts is null
            ? "请妥善保管本通知书，凭办件编号可查询办理进度。"
            : "请妥善保管本通知书，凭办件编号和查询码可查询办理进度。";
        return Document(r, [Body(statement), Body(limit), .. Notes(r), box.Block(), Plain(closing)]);
    }

    /// <summary>不予受理通知书. Source: 行政许可法 第三十二条第一款第（二）项; 第三十八条第二款 (reasons, remedies).</summary>
    private static DocumentContent RefusalNotice(DocumentRequest r) => Document(r,
    [
        Body($"你（单位）提出的“{r.ItemName}”申请，经审查，根据{Basis(r)}的规定，本机关决定不予受理。{(r.Paragraphs.Count > 0 ? "理由如下：" : string.Empty)}"),
        .. Items(r),
        new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo).AddRequestFields().Block(),
    ], remedies: true);

    /// <summary>补正告知书: every material at once. Source: 行政许可法 第三十二条第一款第（四）项.</summary>
    private static DocumentContent CorrectionNotice(DocumentRequest r) => Document(r,
    [
        Body($"你（单位）提出的“{r.ItemName}”申请，申请材料不齐全或者不符合法定形式。根据{Basis(r)}的规定，现一次性告知你（单位）需要补正的全部内容："),
        .. Items(r),
        new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo).AddRequestFields().Block(),
        Plain("请按上述要求一次性补正全部材料。补正的申请材料齐全、符合法定形式的，本机关将予以受理。"),
    ]);

    /// <summary>准予行政许可决定书. Source: 行政许可法 第三十八条第一款.</summary>
    private static DocumentContent ApprovalDecision(DocumentRequest r) => Document(r,
    [
        Body($"你（单位）提出的“{r.ItemName}”申请，经审查，符合法定条件、标准。根据{Basis(r)}的规定，本机关决定准予行政许可。"),
        .. Notes(r),
        new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo).AddRequestFields().Block(),
    ]);

    /// <summary>不予行政许可决定书: reasons and remedies. Source: 行政许可法 第三十八条第二款.</summary>
    private static DocumentContent DenialDecision(DocumentRequest r) => Document(r,
    [
        Body($"你（单位）提出的“{r.ItemName}”申请，经审查，不符合法定条件、标准。根据{Basis(r)}的规定，本机关决定不予行政许可。{(r.Paragraphs.Count > 0 ? "理由如下：" : string.Empty)}"),
        .. Items(r),
        new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo).AddRequestFields().Block(),
    ], remedies: true);

    /// <summary>送达回证: a form the recipient signs. Source: 行政许可法 第四十四条.</summary>
    private static DocumentContent DeliveryReceipt(DocumentRequest r)
    {
        var recipient = r.Fields.FirstOrDefault(f => DocumentTexts.CanonicalLabel(f.Label) == "受送达人")?.Value.Trim();
        var box = new FieldBox(r, applicantPrintedElsewhere: false).Add(DocumentTexts.CaseNoLabel, r.CaseNo);
        if (string.IsNullOrEmpty(recipient))
        {
            box.Add("受送达人", r.ApplicantName);
        }
        else if (recipient != r.ApplicantName.Trim())
        {
            box.Add(DocumentTexts.ApplicantLabel, r.ApplicantName);
        }

        box.AddRequestFields();
        var signatures = new DocumentFields([new("受送达人签名（盖章）", string.Empty), new("签收日期", "　　　　年　　月　　日")], MinRowHeight: 46);
        return Document(r,
        [
            Plain($"依照{Basis(r)}的规定，本机关将“{r.ItemName}”事项的下列文书送达受送达人。"),
            .. Notes(r, ParagraphStyle.Plain),
            box.Block(),
            signatures,
        ], addressee: null);
    }

    /// <summary>
    /// 整改通知书. With <see cref="DocumentRequest.Rectification"/>: the supervision centre's written order to a department,
    /// what was found, what must be done and by when, and the consequence of missing it (seed 002, seed 004). Without: the
    /// 好差评 notice to the department whose service was rated badly (国办发〔2019〕51号).
    /// </summary>
    private static DocumentContent RectificationNotice(DocumentRequest r) => r.Rectification is { } order ? RectificationOrder(r, order) : Document(r,
    [
        Body($"根据{Basis(r)}，经电子监察，你单位办理的“{r.ItemName}”事项存在下列问题，请予整改："),
        .. Items(r),
        new FieldBox(r, applicantPrintedElsewhere: false).Add(DocumentTexts.CaseNoLabel, r.CaseNo).Add(DocumentTexts.ApplicantLabel, r.ApplicantName).AddRequestFields().Block(),
        Plain("请于整改期限届满前完成整改，书面报告整改情况，并向申请人反馈。"),
    ], addressee: r.Addressee?.Trim() is { Length: > 0 } to ? to : r.DepartmentName);

    /// <summary>The supervision centre's 整改通知书 to a department. Source: seed 002, seed 004 (整改通知书; 责任追究).</summary>
    private static DocumentContent RectificationOrder(DocumentRequest r, RectificationFacts order)
    {
        var basis = r.LegalBasis?.Trim() is { Length: > 0 } given ? given : DocumentTexts.SupervisionRectificationBasis;
        var box = new FieldBox(r).Add("通知书编号", order.NoticeNo);
        foreach (var field in r.Fields.Where(f => DocumentTexts.CanonicalLabel(f.Label) is not ("整改期限" or "被通知单位" or "通知书编号")))
        {
            box.Add(field.Label, field.Value);
        }

        return Document(r,
        [
            Body("经监督检查，发现你单位存在下列问题："),
            new DocumentList([order.Finding.Trim()]),
            Body($"根据{basis}，现责令你单位自本通知书下达之日起{order.WorkingDays}个工作日内（{DocumentTexts.ChineseDate(order.Due)}前）完成整改。整改要求：{order.Requirement.Trim()}"),
            .. Notes(r),
            box.Block(),
            Plain("请在整改期限内通过电子监察平台报送整改措施及落实情况。逾期未报送或者整改不到位的，将依照有关规定追究相关人员的责任。"),
        ], addressee: r.Addressee?.Trim() is { Length: > 0 } to ? to : r.ApplicantName.Trim());
    }

    /// <summary>
    /// 通报: the supervision centre's quarterly bulletin to the departments (季通报): the period (the request's item name),
    /// the summary (the paragraphs), the ranking table and chart (the blocks), the closing. Source: seed 002 (周清月结季通报年考核).
    /// </summary>
    private static DocumentContent SupervisionBulletin(DocumentRequest r) => Document(r,
    [
        Body($"根据{Basis(r)}，现将{r.ItemName.Trim()}各部门行政权力运行电子监察情况通报如下。"),
        .. Notes(r),
        new FieldBox(r, applicantPrintedElsewhere: false).AddRequestFields().Block(),
        .. r.Blocks,
        Plain("请各部门对照排名查找差距，对未按期办结的事项和未完成的整改抓紧落实，并将落实情况报电子监察中心。"),
    ], addressee: r.Addressee?.Trim() is { Length: > 0 } to ? to : r.ApplicantName.Trim(), blocksInBody: true);

    /// <summary>特别程序告知书: the procedure and the time it needs, not counted in the limit. Source: 行政许可法 第四十五条.</summary>
    private static DocumentContent SuspensionNotice(DocumentRequest r)
    {
        var facts = r.Suspension ?? throw new ArgumentException("a suspension notice needs its facts", nameof(r));
        var procedure = facts.Procedure.Trim();
        var box = new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo)
            .Add("开始日期", DocumentTexts.ChineseDate(facts.StartsOn))
            .Add("所需时间", facts.ExpectedTime.Trim());
        if (facts.ExpectedEnd is { } end)
        {
            box.Add("预计完成日期", DocumentTexts.ChineseDate(end));
        }

        return Document(r,
        [
            Body($"你（单位）提出的“{r.ItemName}”申请，依法需要{procedure}。根据{Basis(r)}的规定，{procedure}所需时间不计算在行政许可期限内。现将所需时间告知如下："),
            box.AddRequestFields().Block(),
            .. Notes(r),
            Plain($"{procedure}结束后，行政许可期限继续计算。"),
        ]);
    }

    /// <summary>延长行政许可期限告知书: approved by the head of the body, with the reasons. Source: 行政许可法 第四十二条第一款.</summary>
    private static DocumentContent ExtensionNotice(DocumentRequest r)
    {
        var facts = r.Extension ?? throw new ArgumentException("an extension notice needs its facts", nameof(r));
        var box = new FieldBox(r).Add(DocumentTexts.CaseNoLabel, r.CaseNo)
            .Add("原决定期限", DocumentTexts.ChineseDate(facts.PreviousDue) + "前")
            .Add("延长后决定期限", DocumentTexts.ChineseDate(facts.ExtendedDue) + "前");
        if (!string.IsNullOrWhiteSpace(facts.ApprovedBy))
        {
            box.Add("批准负责人", facts.ApprovedBy.Trim());
        }

        return Document(r,
        [
            Body($"你（单位）提出的“{r.ItemName}”申请，本机关不能在原定期限内作出决定。经本机关负责人批准，根据{Basis(r)}的规定，决定延长作出决定的期限。延长期限的理由如下："),
            .. Items(r),
            box.AddRequestFields().Block(),
        ]);
    }

    /// <summary>
    /// 答复意见书: the answer to a complaint ticket (工单). Its words come whole from the ticket
    /// (<c>Domain/Complaints/Complaint.Answer</c>: the opening, the answer, the remedy), its facts are the
    /// ticket's (工单编号, 诉求类别, 诉求事项, …), and it names the filer nowhere: the addressee is 诉求人, so a
    /// reporter (举报人) is not revealed by the document either. Source: 信访工作条例 (2022); seed 003 (首问负责制).
    /// </summary>
    private static DocumentContent AnswerOpinion(DocumentRequest r)
    {
        var box = new FieldBox(r, applicantPrintedElsewhere: false).Add("工单编号", r.CaseNo).AddRequestFields();
        return Document(r, [Body($"关于你反映的“{r.ItemName.Trim()}”，经办理，现答复如下："), .. Notes(r), box.Block()], addressee: "诉求人");
    }

    /// <summary>
    /// The written acts of a penalty case. The case's own texts (<c>Domain/Enforcement/PenaltyTexts</c>) are
    /// the body — facts, evidence, the penalty and the tier applied, the rights, the remedies of a decision —
    /// so the template adds only the opening that names the case and the act's basis, and the fields box.
    /// The notices and decisions are written to the party; the hearing record and the meeting's record are
    /// the case file's, so they name the party in the box instead.
    /// Source: 行政处罚法 第四十四条, 第五十七条, 第五十九条, 第六十四条.
    /// </summary>
    private static DocumentContent PenaltyAct(DocumentRequest r)
    {
        var opening = r.Type switch
        {
            DocumentType.PenaltyNotice => $"本机关对你（单位）“{r.ItemName}”一案立案调查。根据{Basis(r)}的规定，现将拟作出的行政处罚及你（单位）依法享有的权利告知如下：",
            DocumentType.HearingNotice => $"你（单位）就“{r.ItemName}”一案要求举行听证。根据{Basis(r)}的规定，现将听证事项通知如下：",
            DocumentType.HearingRecord => $"依照{Basis(r)}的规定，本机关就“{r.ItemName}”一案举行听证。听证笔录如下：",
            DocumentType.CollectiveDecisionRecord => $"依照{Basis(r)}的规定，本机关负责人对“{r.ItemName}”一案进行集体讨论。记录如下：",
            DocumentType.PenaltyDecision => $"本机关对你（单位）“{r.ItemName}”一案立案调查终结。根据{Basis(r)}的规定，作出行政处罚决定如下：",
            _ => $"本机关对你（单位）“{r.ItemName}”一案立案调查终结。根据{Basis(r)}的规定，作出决定如下：",
        };
        var forTheFile = r.Type is DocumentType.HearingRecord or DocumentType.CollectiveDecisionRecord;
        var box = new FieldBox(r, applicantPrintedElsewhere: !forTheFile).Add("案件编号", r.CaseNo);
        if (forTheFile)
        {
            box.Add("当事人", r.ApplicantName);
        }

        return Document(r, [Body(opening), .. Notes(r), box.AddRequestFields().Block()], addressee: forTheFile ? null : string.Empty);
    }

    private static DocumentContent Document(DocumentRequest r, IEnumerable<DocumentBlock> body, bool remedies = false, string? addressee = "", bool blocksInBody = false) => new()
    {
        Issuer = r.DepartmentName.Trim(),
        Title = DocumentTexts.Title(r.Type),
        Number = DocumentNumber(r),
        Addressee = addressee is null ? null : addressee.Length == 0 ? r.ApplicantName.Trim() : addressee,
        Body = blocksInBody ? [.. body] : [.. body, .. r.Blocks],
        Remedies = remedies ? DocumentTexts.Remedies : null,
        RemediesBasis = remedies ? DocumentTexts.RemediesBasis : null,
        Date = ChinaTime.DateOf(r.IssuedAt),
        SealPurpose = DocumentTexts.SealPurpose(r.Type),
    };

    private static string Basis(DocumentRequest r) => r.LegalBasis?.Trim() is { Length: > 0 } given ? given : DocumentTexts.DefaultBasis(r.Type);

    private static DocumentParagraph Body(string text) => new(text);

    private static DocumentParagraph Plain(string text) => new(text, ParagraphStyle.Plain);

    /// <summary>The request's paragraphs as reasons or items: numbered when several.</summary>
    private static IEnumerable<DocumentBlock> Items(DocumentRequest r)
    {
        var items = r.Paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 0 ? [] : [new DocumentList(items)];
    }

    /// <summary>The request's paragraphs as further notes, each its own paragraph.</summary>
    private static IEnumerable<DocumentBlock> Notes(DocumentRequest r, ParagraphStyle style = ParagraphStyle.Body) =>
        r.Paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(p => new DocumentParagraph(p, style));

    private static long StableHash(string text) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0) & int.MaxValue;

    /// <summary>
    /// The fields box, built so that each fact is in it once: a label (or its synonym) or a value already
    /// there — or printed elsewhere, as the item in the statement and the applicant as the addressee — is skipped.
    /// </summary>
    private sealed class FieldBox
    {
        private readonly DocumentRequest _request;
        private readonly List<DocumentField> _fields = [];
        private readonly HashSet<string> _labels = new(StringComparer.Ordinal) { DocumentTexts.ItemLabel };
        private readonly HashSet<string> _values = new(StringComparer.Ordinal);

        public FieldBox(DocumentRequest request, bool applicantPrintedElsewhere = true)
        {
            _request = request;
            _values.Add(request.ItemName.Trim());
            if (applicantPrintedElsewhere)
            {
                _labels.Add(DocumentTexts.ApplicantLabel);
                _values.Add(request.ApplicantName.Trim());
            }
        }

        public FieldBox Add(string label, string? value)
        {
            var text = (value ?? string.Empty).Trim();
            var canonical = DocumentTexts.CanonicalLabel(label);
            if (text.Length == 0 || _labels.Contains(canonical) || (DocumentContent.IsDistinctive(text) && _values.Contains(text)))
            {
                return this;
            }

            _labels.Add(canonical);
            _values.Add(text);
            _fields.Add(new DocumentField(label.Trim(), text));
            return this;
        }

        public FieldBox AddRequestFields()
        {
            foreach (var field in _request.Fields)
            {
                Add(field.Label, field.Value);
            }

            return this;
        }

        public DocumentFields Block() => new(_fields.ToList());
    }
}
