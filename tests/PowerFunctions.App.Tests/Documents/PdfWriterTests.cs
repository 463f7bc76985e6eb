using PowerFunctions.App.Features.Documents.Pdf;

namespace PowerFunctions.App.Tests.Documents;

public sealed class PdfWriterTests
{
    private static readonly Lazy<TrueTypeFont> Font = new(() => TrueTypeFont.Load(PdfTools.FontPath));

    [Fact]
    public void Save_ChineseAndAsciiText_PassesQpdfAndExtractsText()
    {
        var document = new PdfDocument(Font.Value) { Info = new PdfInfo { Title = "受理通知书", Subject = "doc-1" } };
        var page = document.AddPage();
        page.Text("受理通知书 ABC 123", 72, 700, 22, bold: true);
        page.Text("申请人：张三", 72, 660, 12);
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
        Assert.True(pdf.Length < 50_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Save_SameDrawing_SameBytes()
    {
        byte[] Render()
        {
            var document = new PdfDocument(Font.Value);
            document.AddPage().Text("送达回证", 72, 700, 16);
            return document.Save();
        }

        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void Subset_UsedGlyphs_KeepsOnlyThemAndNotdef()
    {
        var font = Font.Value;
        var glyphs = "受理通知书".EnumerateRunes().Select(r => font.GlyphOf(r.Value)).ToList();

        var (bytes, ids) = TrueTypeSubsetter.Subset(font, glyphs);

        var subset = TrueTypeFont.Parse(AddEmptyCmap(bytes));
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
    public void Font_ChineseAndAscii_HasEveryGlyph()
    {
        var document = new PdfDocument(Font.Value);

        Assert.Empty(document.Missing("受理通知书不予补正告知准许可决定送达回证整改〔〕第号年月日：ABCxyz0123-/"));
    }

    /// <summary>The subset has no cmap (the PDF maps codes); the parser wants one, so graft an empty format 4.</summary>
    private static byte[] AddEmptyCmap(byte[] font)
    {
        // Re-assemble through the subsetter's own table layout: parse requires cmap, so append one table record.
        var count = (font[4] << 8) | font[5];
        var cmap = new byte[] { 0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12, 0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 1, 0, 0 };
        var header = 12 + (16 * count);
        var result = new byte[font.Length + 16 + cmap.Length];
        Array.Copy(font, 0, result, 0, header);
        Array.Copy(font, header, result, header + 16, font.Length - header);
        for (var i = 0; i < count; i++)
        {
            var offsetAt = 12 + (16 * i) + 8;
            var offset = (font[offsetAt] << 24) | (font[offsetAt + 1] << 16) | (font[offsetAt + 2] << 8) | font[offsetAt + 3];
            offset += 16;
            result[offsetAt] = (byte)(offset >> 24);
            result[offsetAt + 1] = (byte)(offset >> 16);
            result[offsetAt + 2] = (byte)(offset >> 8);
            result[offsetAt + 3] = (byte)offset;
        }

        var record = header;
        "cmap"u8.CopyTo(result.AsSpan(record));
        var cmapOffset = font.Length + 16;
        result[record + 8] = (byte)(cmapOffset >> 24);
        result[record + 9] = (byte)(cmapOffset >> 16);
        result[record + 10] = (byte)(cmapOffset >> 8);
        result[record + 11] = (byte)cmapOffset;
        result[record + 15] = (byte)cmap.Length;
        cmap.CopyTo(result, cmapOffset);
        result[4] = (byte)((count + 1) >> 8);
        result[5] = (byte)(count + 1);
        return result;
    }
}
