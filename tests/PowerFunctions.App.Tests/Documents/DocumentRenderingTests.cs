using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Tests.Documents;

public sealed class DocumentRenderingTests
{
    private static readonly Lazy<TrueTypeFont> Font = new(() => TrueTypeFont.Load(PdfTools.FontPath));

    public static TheoryData<DocumentType> Types => new(Enum.GetValues<DocumentType>());

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
        Assert.Contains(DocumentRenderer.DocumentNumber(request), text);
        Assert.DoesNotContain("\uFFFD", text);
        var cjkFont = PdfTools.Fonts(pdf).Split('\n').Single(l => l.Contains("DroidSansFallback", StringComparison.Ordinal));
        Assert.Matches(@"^[A-Z]{6}\+DroidSansFallback\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", cjkFont);   // embedded, subset, ToUnicode
        if (Environment.GetEnvironmentVariable("PF_DOCUMENTS_DUMP") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{request.DocumentId}.pdf"), pdf);
        }
    }

    [Fact]
    [Trait("Source", "行政许可法 第三十八条第二款")]
    public void Render_DenialDecision_StatesReasonsAndRemedies()
    {
        var text = Squash(PdfTools.ExtractText(Render(SampleDocuments.For(DocumentType.DenialDecision))));

        Assert.Contains("决定不予行政许可", text);
        Assert.Contains("理由如下", text);
        Assert.Contains("冷藏设施", text);
        Assert.Contains("六十日内依法申请行政复议", text);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", text);
    }

    [Theory]
    [Trait("Source", "行政复议法 第二十条; 行政诉讼法 第四十六条")]
    [InlineData(DocumentType.DenialDecision, true)]
    [InlineData(DocumentType.RefusalNotice, true)]
    [InlineData(DocumentType.ApprovalDecision, false)]
    [InlineData(DocumentType.AcceptanceNotice, false)]
    public void StatesRemedies_AdverseActs_Only(DocumentType type, bool expected)
    {
        Assert.Equal(expected, DocumentTexts.StatesRemedies(type));
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

    [Theory]
    [InlineData("D01-2026-000123", "D01-2026-000123-acceptance-notice-1", DocumentType.AcceptanceNotice, "D01〔2026〕受字第000123号")]
    [InlineData("D01-2026-45", "x-approval-decision-1", DocumentType.ApprovalDecision, "D01〔2026〕准许字第000045号")]
    [InlineData("D01-2026-000123", "D01-2026-000123-correction-notice-2", DocumentType.CorrectionNotice, "D01〔2026〕补字第000123-2号")]
    public void DocumentNumber_DeptYearTypeCase_Formatted(string caseNo, string id, DocumentType type, string expected)
    {
        var request = SampleDocuments.For(type, id, caseNo);

        Assert.Equal(expected, DocumentRenderer.DocumentNumber(request));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Texts_EachType_PrintableInTheFont(DocumentType type)
    {
        var document = new PdfDocument(Font.Value);
        var fixedText = string.Concat(
            DocumentTexts.Title(type), DocumentTexts.NumberWord(type), DocumentTexts.Opening(type, "事项", DocumentTexts.DefaultBasis(type)),
            DocumentTexts.Closing(type), DocumentTexts.SealPurpose(type), DocumentTexts.Remedies, DocumentTexts.RemediesBasis,
            "案件编号申请事项申请人整改对象受送达人签名签收日期法律依据：救济途径：电子文书核验文书编号：内容摘要：核验地址：第页共〔〕字号年月日一二三四五六七八九十、",
            "扫描二维码或在政务公开平台输入文书编号，可核验本文书的电子印章（SM2/SM3）及内容是否被改动；文件的 SHA-256 由核验结果给出。");

        Assert.Empty(document.Missing(fixedText));
    }

    [Fact]
    public void Render_SameRequest_SameBytes()
    {
        var request = SampleDocuments.For(DocumentType.ApprovalDecision);

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

    internal static byte[] Render(DocumentRequest request) =>
        new DocumentRenderer(Font.Value).Render(request, $"https://powerfunctions.gov.cn/api/documents/{request.DocumentId}/verify", DocumentRenderer.ContentDigest(request));

    /// <summary>pdftotext -layout pads with spaces; compare without them.</summary>
    internal static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
