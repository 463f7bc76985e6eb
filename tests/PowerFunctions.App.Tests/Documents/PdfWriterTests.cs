using PowerFunctions.App.Features.Documents.Pdf;

namespace PowerFunctions.App.Tests.Documents;

public sealed class PdfWriterTests
{
    [Fact]
    public void Save_ChineseAndAsciiText_PassesQpdfAndExtractsText()
    {
        var document = new PdfDocument(TestFonts.Bundled) { Info = new PdfInfo { Title = "受理通知书", Subject = "doc-1" } };
        var page = document.AddPage();
        page.Text("受理通知书 ABC 123", 72, 700, 22, bold: true);
        page.Text("申请人：张三", 72, 660, 12);
        page.TextJustified("“食品经营许可证核发”申请，经审查，符合法定条件。", 72, 630, 12, 400);
        page.Rectangle(60, 600, 400, 40);
        page.Line(60, 590, 460, 590);
        page.Circle(300, 300, 60, 3, PdfColor.SealRed);
        page.FillPolygon([(300, 340), (310, 310), (290, 310)], PdfColor.SealRed);
        page.TextRotated("市场监督管理局", 250, 330, 12, 0.5, PdfColor.SealRed);

        var pdf = document.Save();

        var (code, output) = PdfTools.Check(pdf);
        Assert.True(code == 0, output);
        var text = PdfTools.ExtractText(pdf);
        Assert.Contains("受理通知书", text);
        Assert.Contains("ABC 123", text);
        Assert.Contains("申请人：张三", text);
        Assert.Contains("“食品经营许可证核发”", DocumentRenderingTests.Squash(text));
        Assert.True(pdf.Length < 60_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Save_ChineseAndLatin_EveryFontEmbeddedNoStandardFont()
    {
        var document = new PdfDocument(TestFonts.Bundled);
        document.AddPage().Text("受理编号 D01-2026-000123，Zoë Müller，m²", 72, 700, 12);

        var fonts = PdfTools.Fonts(document.Save()).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();

        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, line => Assert.Matches(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line));   // embedded, subset, ToUnicode
        Assert.Contains(fonts, l => l.Contains("+NotoSerifCJKsc-TGH", StringComparison.Ordinal));
        Assert.Contains(fonts, l => l.Contains("+LiberationSerif", StringComparison.Ordinal));
        Assert.DoesNotContain(fonts, l => l.Contains("Courier", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_SameDrawing_SameBytes()
    {
        byte[] Render()
        {
            var document = new PdfDocument(TestFonts.Bundled);
            document.AddPage().Text("送达回证 No.1", 72, 700, 16);
            return document.Save();
        }

        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void Save_CharacterInNoFont_PlaceholderPrintedRealCharacterExtractedAndReported()
    {
        var document = new PdfDocument(TestFonts.Bundled);
        document.AddPage().Text("申请人：吉田𠮷子〓", 72, 700, 12);   // 𠮷 U+20BB7: in neither bundled font

        var pdf = document.Save();

        Assert.Equal(["𠮷"], document.MissingCharacters);
        Assert.Contains("吉田𠮷子", PdfTools.ExtractText(pdf));
        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        var placeholder = Assert.Single(read.Glyphs, g => g.Text == "𠮷");
        var geta = Assert.Single(read.Glyphs, g => g.Text == "〓");
        Assert.Equal(geta.Glyph, placeholder.Glyph);   // drawn with the 〓 glyph
        Assert.NotEqual(geta.Cid, placeholder.Cid);    // under a code of its own, which extracts as 𠮷
    }

    [Fact]
    public void FontOf_AsciiCjkLatin_ChosenInThatOrder()
    {
        var fonts = TestFonts.Bundled;

        Assert.Equal(0, fonts.FontOf('A'));
        Assert.Equal(1, fonts.FontOf('“'));       // Chinese quotes are full width, from the CJK font
        Assert.Equal(1, fonts.FontOf(0x2B5AF));    // 𫖯, 通用规范汉字表
        Assert.Equal(1, fonts.FontOf('·'));        // the name separator, as Chinese text sets it
        Assert.Equal(0, fonts.FontOf('ë'));        // not in the CJK subset: Latin
        Assert.Equal(-1, fonts.FontOf('龑'));      // outside the subset, no fallback given
        Assert.Equal(-1, fonts.FontOf(0x20BB7));   // 𠮷
    }

    [Fact]
    public void Save_CharacterOnlyTheFallbackHas_SetInTheFallbackEmbedded()
    {
        // A set whose only font with ë is the fallback (the bundled CJK subset stands in for a Latin font lacking it).
        var cjk = TestFonts.Bundled.Cjk;
        var fonts = new PdfFontSet(cjk, cjk, fallback: TestFonts.Bundled.Latin);
        var document = new PdfDocument(fonts);
        document.AddPage().Text("申请人：张ë", 72, 700, 12);

        var pdf = document.Save();

        Assert.Equal(2, fonts.FontOf('ë'));
        Assert.Empty(document.MissingCharacters);
        Assert.Contains("申请人：张ë", PdfTools.ExtractText(pdf));
        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        Assert.Contains(read.Glyphs, g => g.Text == "ë" && g.Font.EndsWith("+LiberationSerif", StringComparison.Ordinal));
        DocumentQualityTests.AssertAllFontsEmbedded(pdf);
    }

    [Fact]
    public void BundledCjkFont_CoversTheTongyongGuifanHanzibiaoAndGb2312()
    {
        var cjk = TestFonts.Bundled.Cjk;
        var charset = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fonts", "charset.txt")).Where(l => !l.StartsWith('#')).ToList();

        var tgh = charset[0].EnumerateRunes().ToList();
        Assert.Equal(8105, tgh.Count);
        Assert.DoesNotContain(tgh, r => !cjk.Has(r.Value));
        Assert.DoesNotContain(charset[1].EnumerateRunes(), r => !cjk.Has(r.Value));
        Assert.DoesNotContain(charset[2].EnumerateRunes(), r => !cjk.Has(r.Value));
        Assert.Equal("NotoSerifCJKsc-TGH", cjk.PostScriptName);
        Assert.Equal("LiberationSerif", TestFonts.Bundled.Latin.PostScriptName);
    }

    [Fact]
    public void Subset_UsedGlyphs_KeepsOnlyThemAndNotdef()
    {
        var font = TestFonts.Bundled.Cjk;
        var glyphs = "受理通知书".EnumerateRunes().Select(r => font.GlyphOf(r.Value)).ToList();

        var (bytes, ids) = TrueTypeSubsetter.Subset(font, glyphs);

        var subset = TrueTypeFont.Parse(bytes);
        var components = glyphs.SelectMany(g => TrueTypeSubsetter.Components(font.GlyphData(g))).Distinct().Count();
        Assert.InRange(subset.GlyphCount, glyphs.Distinct().Count() + 1, glyphs.Distinct().Count() + 1 + components);
        Assert.Equal(0, ids[0]);
        foreach (var glyph in glyphs)
        {
            Assert.Equal(font.AdvanceOf(glyph), subset.AdvanceOf(ids[glyph]));
            var original = font.GlyphData(glyph).ToArray();
            var kept = subset.GlyphData(ids[glyph]).ToArray();
            Assert.InRange(kept.Length, original.Length, original.Length + 3);   // padded to 4 bytes
            Assert.Equal(original.AsSpan(0, 2).ToArray(), kept.AsSpan(0, 2).ToArray());
        }

        Assert.True(bytes.Length < 10_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Parse_DamagedWoff_InvalidData()
    {
        var woff = "wOFF"u8.ToArray().Concat(new byte[40]).ToArray();
        woff[13] = 3;   // three tables, none present

        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(woff));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse([0, 1, 0, 0, 0, 0]));
    }
}
