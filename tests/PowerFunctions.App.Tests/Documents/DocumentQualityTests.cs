using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.App.Features.Documents.Rendering;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>
/// Every document kind, rendered with long realistic content and read back independently (PdfPig for
/// the glyphs and lines, pdffonts for the fonts): no .notdef glyph, no line breaking a 禁则 rule, no
/// fact said twice, every font embedded.
/// </summary>
public sealed class DocumentQualityTests
{
    public static TheoryData<DocumentType> Types => SampleDocuments.Types;

    [Theory]
    [MemberData(nameof(Types))]
    public void Render_EveryKindLongContent_NoNotdefNoForbiddenBreakNoRepeatAllFontsEmbedded(DocumentType type)
    {
        var request = SampleDocuments.Realistic(type);

        var pdf = DocumentRenderingTests.Render(request);

        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        Assert.DoesNotContain(read.Glyphs, g => g.Text == "\uFFFD");
        Assert.DoesNotContain(read.Lines, LineBreaker.Violates);
        Assert.Empty(DocumentTemplates.Compose(request).Repeats());
        Assert.Empty(new DocumentRenderer(TestFonts.Bundled).Unprintable(request));
        AssertAllFontsEmbedded(pdf);

        // The rare characters are there, from the bundled font, and the text reads back whole.
        var text = DocumentRenderingTests.Squash(string.Concat(read.Lines));
        Assert.Contains("赵孟𫖯", text);
        Assert.Contains(DocumentRenderingTests.Squash(request.ItemName), text);
        Assert.Contains(read.Glyphs, g => g.Text == "𫖯" && g.Font.EndsWith("+NotoSerifCJKsc-TGH", StringComparison.Ordinal));
        Assert.True(PdfTools.Check(pdf).ExitCode == 0);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Render_EveryKindLineBreaksShifted_NoLineStartsOrEndsForbidden(DocumentType type)
    {
        // Lengthening the applicant's name moves every break of the body by one character at a time.
        for (var shift = 0; shift < 12; shift++)
        {
            var read = PdfReadBack.Read(DocumentRenderingTests.Render(SampleDocuments.Realistic(type, shift)));

            var bad = read.Lines.Where(LineBreaker.Violates).ToList();
            Assert.True(bad.Count == 0, $"shift {shift}: " + string.Join(" | ", bad));
            Assert.Empty(read.Notdefs);
        }
    }

    [Fact]
    public void Render_RankingTableOverPagesAndBarChart_HeaderRepeatedBarsDrawnAllGlyphs()
    {
        var content = SampleDocuments.RankingContent(40);

        var pdf = new DocumentRenderer(TestFonts.Bundled).Render(content, new VerificationStamp("bulletin-2026q3", "ABCD-EF01-2345-6789", "https://powerfunctions.gov.cn/api/documents/bulletin-2026q3/verify"), new PdfInfo { Title = content.Title });

        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        Assert.DoesNotContain(read.Lines, LineBreaker.Violates);
        Assert.True(read.Lines.Count(l => l == "按期办结率") >= 2, "the header row repeats on the next page");
        Assert.Contains("示例市第四十局（行政审批服务处）", read.Lines);
        Assert.Contains("图1 各部门按期办结率（单位：%）", read.Lines);
        Assert.Contains("95.2", read.Lines);   // the 12th bar's value
        var text = DocumentRenderingTests.Squash(PdfTools.ExtractText(pdf));
        Assert.Matches("第2页共[2-9]页", text);
        AssertAllFontsEmbedded(pdf);
        Assert.True(PdfTools.Check(pdf).ExitCode == 0);
        if (Environment.GetEnvironmentVariable("PF_DOCUMENTS_DUMP") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, "bulletin.pdf"), pdf);
        }
    }

    [Fact]
    public void Repeats_SameLabelSynonymValueOrParagraph_Reported()
    {
        var content = SampleDocuments.RankingContent(1) with
        {
            Body =
            [
                new DocumentParagraph("一段话。"),
                new DocumentFields([new("案件编号", "D01-2026-000123"), new("办件编号", "D01-2026-000124"), new("受理编号", "X"), new("决定日期", "2026年9月18日"), new("受理日期", "2026年9月18日"), new("许可证号", "D01-2026-000124")]),
                new DocumentList(["一段话。", "另一段。"]),
            ],
        };

        Assert.Equal(["label 办件编号", "label 受理编号", "value D01-2026-000124", "paragraph 一段话。"], content.Repeats());
    }

    internal static void AssertAllFontsEmbedded(byte[] pdf)
    {
        var table = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(table);
        Assert.All(table, line => Assert.Matches(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s", line));
    }
}
