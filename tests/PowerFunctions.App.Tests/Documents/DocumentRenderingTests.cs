using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Tests.Documents;

public sealed class DocumentRenderingTests
{
    public static TheoryData<DocumentType> Types => SampleDocuments.Types;

    [Theory]
    [MemberData(nameof(Types))]
    public void Render_EachType_IsValidSmallPdfWithExtractableChinese(DocumentType type)
    {
        var request = SampleDocuments.For(type);

        var pdf = Render(request);

        var (code, output) = PdfTools.Check(pdf);
        Assert.True(code == 0, output);
        Assert.InRange(pdf.Length, 1, 200 * 1024 - 1);
        var text = Squash(PdfTools.ExtractText(pdf));
        Assert.Contains(DocumentTexts.Title(type), text);
        Assert.Contains(SampleDocuments.Applicant, text);
        Assert.Contains(SampleDocuments.CaseNo, text);
        Assert.Contains(SampleDocuments.Department, text);
        Assert.Contains("2026年9月18日", text);
        Assert.Contains(request.DocumentId, text);
        Assert.Contains(DocumentTemplates.DocumentNumber(request), text);
        Assert.DoesNotContain("\uFFFD", text);
        if (Environment.GetEnvironmentVariable("PF_DOCUMENTS_DUMP") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{request.DocumentId}.pdf"), pdf);
            File.WriteAllBytes(Path.Combine(folder, $"{request.DocumentId}-long.pdf"), Render(SampleDocuments.Realistic(type)));
        }
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void Render_AcceptanceNotice_StatesTheAcceptanceOnceWithTheDueDateAndQueryCode()
    {
        var text = Body(Render(SampleDocuments.For(DocumentType.AcceptanceNotice)));

        Assert.Equal(1, Count(text, "予以受理"));
        Assert.Equal(1, Count(text, SampleDocuments.CaseNo));
        Assert.Equal(1, Count(text, "食品经营许可证核发"));
        Assert.Contains("作出决定期限2026年10月23日前", text);
        Assert.Contains("查询码" + SampleDocuments.QueryCode, text);
        Assert.Contains("“食品经营许可证核发”申请", text);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条第一款第（四）项")]
    public void Render_DeemedAcceptance_SaysSoAndCitesItsItem()
    {
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice) with { Acceptance = new AcceptanceFacts(new DateOnly(2026, 10, 23), "Q7K2-9XPM", Deemed: true) };

        var text = Squash(PdfTools.ExtractText(Render(request)));

        Assert.Contains("五个工作日内未告知补正", text);
        Assert.Contains("第三十二条第一款第（四）项", text);
        Assert.DoesNotContain("申请材料齐全", text);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十八条第二款")]
    public void Render_DenialDecision_StatesReasonsAndRemediesOnce()
    {
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.DenialDecision))));

        Assert.Contains("决定不予行政许可", text);
        Assert.Contains("理由如下", text);
        Assert.Contains("二、未配备与经营规模相适应的冷藏设施", text);
        Assert.Equal(1, Count(text, "六十日内依法申请行政复议"));
        Assert.Equal(1, Count(text, "六个月内依法向人民法院提起行政诉讼"));
    }

    [Theory]
    [Trait("Source", "行政复议法 第二十条; 行政诉讼法 第四十六条")]
    [InlineData(DocumentType.DenialDecision, true)]
    [InlineData(DocumentType.RefusalNotice, true)]
    [InlineData(DocumentType.ApprovalDecision, false)]
    [InlineData(DocumentType.AcceptanceNotice, false)]
    [InlineData(DocumentType.SuspensionNotice, false)]
    [InlineData(DocumentType.ExtensionNotice, false)]
    public void StatesRemedies_AdverseActs_Only(DocumentType type, bool expected)
    {
        Assert.Equal(expected, DocumentTexts.StatesRemedies(type));
        Assert.Equal(expected, DocumentTemplates.Compose(SampleDocuments.For(type)).Remedies is not null);
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十二条")]
    public void Render_CorrectionNotice_ListsEveryMissingMaterialAtOnce()
    {
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.CorrectionNotice))));

        Assert.Contains("一次性告知", text);
        Assert.Contains("一、缺少经营场所使用证明", text);
        Assert.Contains("三、法定代表人身份证明", text);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十五条")]
    public void Render_SuspensionNotice_NamesTheProcedureAndItsTimeInWriting()
    {
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.SuspensionNotice))));

        Assert.Contains("特别程序告知书", text);
        Assert.Contains("依法需要专家评审", text);
        Assert.Contains("所需时间不计算在行政许可期限内", text);
        Assert.Contains("所需时间预计二十个工作日", text);
        Assert.Contains("开始日期2026年9月21日", text);
        Assert.Contains("预计完成日期2026年10月23日", text);
        Assert.Contains("第四十五条", text);
    }

    [Fact]
    [Trait("Source", "行政许可法 第四十二条第一款")]
    public void Render_ExtensionNotice_StatesTheApprovalTheReasonsAndTheNewDueDate()
    {
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.ExtensionNotice))));

        Assert.Contains("延长行政许可期限告知书", text);
        Assert.Contains("经本机关负责人批准", text);
        Assert.Contains("延长期限的理由如下", text);
        Assert.Contains("需组织现场核查", text);
        Assert.Contains("原决定期限2026年10月23日前", text);
        Assert.Contains("延长后决定期限2026年11月6日前", text);
        Assert.Contains("批准负责人王五（副局长）", text);
    }

    [Fact]
    public void Render_DeliveryReceipt_IsAFormWithSignatureRows()
    {
        var content = DocumentTemplates.Compose(SampleDocuments.For(DocumentType.DeliveryReceipt));
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.DeliveryReceipt))));

        Assert.Null(content.Addressee);
        Assert.Contains("受送达人" + SampleDocuments.Applicant, text);
        Assert.Contains("受送达人签名（盖章）", text);
        Assert.Contains("签收日期", text);
    }

    [Fact]
    public void Compose_CallerRepeatsCaseNumberItemAndApplicant_EachPrintedOnce()
    {
        // What the case code sends today: 办件编号 and 申请事项 as fields, which the template prints itself.
        var request = SampleDocuments.For(DocumentType.ApprovalDecision) with
        {
            Fields = [new("办件编号", SampleDocuments.CaseNo), new("申请事项", "食品经营许可证核发"), new("申请人", SampleDocuments.Applicant), new("案件号", SampleDocuments.CaseNo), new("决定日期", "2026年9月18日"), new("决定日期", "2026年9月19日")],
        };

        var content = DocumentTemplates.Compose(request);

        Assert.Empty(content.Repeats());
        var fields = content.Body.OfType<DocumentFields>().Single().Fields;
        Assert.Equal(["办件编号", "决定日期"], fields.Select(f => f.Label));
        Assert.Equal(1, Count(Body(Render(request)), SampleDocuments.CaseNo));
    }

    [Theory]
    [InlineData("D01-2026-000123", "D01-2026-000123-acceptance-notice-1", DocumentType.AcceptanceNotice, "D01〔2026〕受字第000123号")]
    [InlineData("D01-2026-45", "x-approval-decision-1", DocumentType.ApprovalDecision, "D01〔2026〕准许字第000045号")]
    [InlineData("D01-2026-000123", "D01-2026-000123-correction-notice-2", DocumentType.CorrectionNotice, "D01〔2026〕补字第000123-2号")]
    [InlineData("D01-2026-000123", "D01-2026-000123-suspension-notice-1", DocumentType.SuspensionNotice, "D01〔2026〕特字第000123号")]
    [InlineData("D01-2026-000123", "D01-2026-000123-extension-notice-1", DocumentType.ExtensionNotice, "D01〔2026〕延字第000123号")]
    public void DocumentNumber_DeptYearTypeCase_Formatted(string caseNo, string id, DocumentType type, string expected)
    {
        var request = SampleDocuments.For(type, id, caseNo);

        Assert.Equal(expected, DocumentTemplates.DocumentNumber(request));
    }

    [Fact]
    public void Render_SameRequest_SameBytes()
    {
        var request = SampleDocuments.Realistic(DocumentType.ApprovalDecision);

        Assert.Equal(Render(request), Render(request));
    }

    [Fact]
    public void Render_LongBody_FlowsOntoMorePagesAndStaysSmall()
    {
        var request = SampleDocuments.For(DocumentType.CorrectionNotice) with
        {
            Paragraphs = Enumerable.Range(1, 40).Select(i => $"第{i}项材料：营业执照副本复印件、法定代表人身份证明、经营场所平面图、设备布局和工艺流程说明均须加盖公章。").ToList(),
        };

        var pdf = Render(request);

        Assert.True(PdfTools.Check(pdf).ExitCode == 0);
        var text = Squash(PdfTools.ExtractText(pdf));
        Assert.Contains("第40项材料", text);
        Assert.Matches("第2页共[2-9]页", text);
        Assert.InRange(pdf.Length, 1, 200 * 1024 - 1);
    }

    [Fact]
    public void ContentDigest_ChangesWithWhatIsPrinted()
    {
        var request = SampleDocuments.For(DocumentType.AcceptanceNotice);

        Assert.Equal(DocumentRenderer.ContentDigest(request), DocumentRenderer.ContentDigest(request));
        Assert.NotEqual(DocumentRenderer.ContentDigest(request), DocumentRenderer.ContentDigest(request with { Acceptance = request.Acceptance! with { QueryCode = "OTHER-123" } }));
    }

    internal static byte[] Render(DocumentRequest request) =>
        new DocumentRenderer(TestFonts.Bundled).Render(request, $"https://powerfunctions.gov.cn/api/documents/{request.DocumentId}/verify", DocumentRenderer.ContentDigest(request));

    /// <summary>The text above the verification box (which repeats the id, and so the case number, by design).</summary>
    private static string Body(byte[] pdf)
    {
        var text = Squash(PdfTools.ExtractText(pdf));
        return text[..text.IndexOf("电子文书核验", StringComparison.Ordinal)];
    }

    /// <summary>pdftotext -layout pads with spaces; compare without them.</summary>
    internal static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
