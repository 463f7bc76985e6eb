using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// A small PDF 1.7 writer for official documents: A4 pages drawn with <see cref="PdfPage"/>, one
/// embedded CJK TrueType font as a glyph subset (Type0 / CIDFontType2, Identity-H, CIDs are the
/// original glyph ids mapped by a CIDToGIDMap onto the subset, widths in <c>/W</c>, a ToUnicode CMap
/// so the text can be searched and copied), Flate-compressed streams and a classic xref table.
/// The CJK font of the platform (Droid Sans Fallback) has no Latin glyphs, so printable ASCII is set
/// in the standard Courier font (<c>/F2</c>, WinAnsi, one of the 14 fonts every reader has): codes,
/// numbers and addresses in a fixed pitch. The output is deterministic: the same drawing gives the same bytes.
/// </summary>
public sealed class PdfDocument
{
    private readonly TrueTypeFont _font;
    private readonly List<PdfPage> _pages = [];
    private readonly SortedDictionary<int, int> _usedGlyphs = [];

    public PdfDocument(TrueTypeFont font)
    {
        _font = font;
    }

    public PdfInfo Info { get; set; } = new();

    public IReadOnlyList<PdfPage> Pages => _pages;

    public PdfPage AddPage()
    {
        var page = new PdfPage(this);
        _pages.Add(page);
        return page;
    }

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Measure(string text, double size)
    {
        var cjkUnits = 0;
        var asciiCount = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsAscii(rune))
            {
                asciiCount++;
            }
            else
            {
                cjkUnits += _font.AdvanceOf(_font.GlyphOf(rune.Value));
            }
        }

        return (cjkUnits * size / _font.UnitsPerEm) + (asciiCount * CourierAdvance * size);
    }

    /// <summary>The characters of <paramref name="text"/> the font lacks (they would print as boxes).</summary>
    public IReadOnlyList<string> Missing(string text) =>
        text.EnumerateRunes().Where(r => !Rune.IsControl(r) && !IsAscii(r) && !_font.Has(r.Value)).Select(r => r.ToString()).Distinct().ToList();

    /// <summary>Courier's advance, in text space units per point of size.</summary>
    internal const double CourierAdvance = 0.6;

    /// <summary>Printable ASCII, set in Courier.</summary>
    internal static bool IsAscii(Rune rune) => rune.Value is >= 0x20 and <= 0x7E;

    /// <summary>Glyph ids (the CIDs) of the text, recording each for the subset and the ToUnicode map.</summary>
    internal List<int> Encode(string text)
    {
        var glyphs = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = _font.GlyphOf(rune.Value);
            glyphs.Add(glyph);
            if (glyph != 0)
            {
                _usedGlyphs.TryAdd(glyph, rune.Value);
            }
        }

        return glyphs;
    }

    /// <summary>The finished file.</summary>
    public byte[] Save()
    {
        if (_pages.Count == 0)
        {
            AddPage();
        }

        var (subset, newIds) = TrueTypeSubsetter.Subset(_font, _usedGlyphs.Keys);
        var writer = new Writer();
        const int catalog = 1, pages = 2, info = 3, type0 = 4, cidFont = 5, descriptor = 6, fontFile = 7, toUnicode = 8, cidToGid = 9, courier = 10;
        var firstPage = 11;
        var pageIds = Enumerable.Range(0, _pages.Count).Select(i => firstPage + (2 * i)).ToList();

        writer.Object(catalog, "<< /Type /Catalog /Pages 2 0 R >>");
        writer.Object(pages, $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {_pages.Count} >>");
        writer.Object(info, InfoDictionary());

        var tag = SubsetTag();
        var fontName = $"{tag}+{_font.FamilyName}";
        writer.Object(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{fontName} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
        writer.Object(cidFont, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{fontName} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /W {Widths()} /CIDToGIDMap {cidToGid} 0 R >>");
        var scale = 1000.0 / _font.UnitsPerEm;
        var box = _font.BoundingBox;
        writer.Object(descriptor, string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /FontDescriptor /FontName /{fontName} /Flags 4 /FontBBox [{Round(box.XMin * scale)} {Round(box.YMin * scale)} {Round(box.XMax * scale)} {Round(box.YMax * scale)}] /ItalicAngle 0 /Ascent {Round(_font.Ascender * scale)} /Descent {Round(_font.Descender * scale)} /CapHeight {Round(_font.Ascender * scale)} /StemV 80 /FontFile2 {fontFile} 0 R >>"));
        writer.Stream(fontFile, $"/Length1 {subset.Length}", subset);
        writer.Stream(toUnicode, string.Empty, Encoding.ASCII.GetBytes(ToUnicodeCMap(newIds)));
        var map = new byte[2 * ((_usedGlyphs.Count == 0 ? 0 : _usedGlyphs.Keys.Max()) + 1)];
        foreach (var (original, renumbered) in newIds)
        {
            if (original * 2 < map.Length)
            {
                map[2 * original] = (byte)(renumbered >> 8);
                map[(2 * original) + 1] = (byte)renumbered;
            }
        }

        writer.Stream(cidToGid, string.Empty, map);
        writer.Object(courier, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
        for (var i = 0; i < _pages.Count; i++)
        {
            var pageId = pageIds[i];
            writer.Object(pageId, string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PdfPage.N(PdfPage.A4Width)} {PdfPage.N(PdfPage.A4Height)}] /Resources << /Font << /F1 {type0} 0 R /F2 {courier} 0 R >> >> /Contents {pageId + 1} 0 R >>"));
            writer.Stream(pageId + 1, string.Empty, Encoding.ASCII.GetBytes(_pages[i].Content));
        }

        return writer.Finish(catalog, info, firstPage + (2 * _pages.Count));
    }

    private static string Round(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private string Widths()
    {
        var scale = 1000.0 / _font.UnitsPerEm;
        var builder = new StringBuilder("[");
        var previous = -2;
        foreach (var glyph in _usedGlyphs.Keys)
        {
            if (glyph != previous + 1)
            {
                if (previous >= 0)
                {
                    builder.Append("] ");
                }

                builder.Append(glyph.ToString(CultureInfo.InvariantCulture)).Append(" [");
            }
            else
            {
                builder.Append(' ');
            }

            builder.Append(Round(_font.AdvanceOf(glyph) * scale));
            previous = glyph;
        }

        if (previous >= 0)
        {
            builder.Append(']');
        }

        return builder.Append(']').ToString();
    }

    private string ToUnicodeCMap(IReadOnlyDictionary<int, int> newIds)
    {
        var builder = new StringBuilder();
        builder.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        builder.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
        builder.Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        builder.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = _usedGlyphs.Where(g => newIds.ContainsKey(g.Key)).ToList();
        for (var start = 0; start < entries.Count; start += 100)
        {
            var chunk = entries.Skip(start).Take(100).ToList();
            builder.Append(chunk.Count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (glyph, codePoint) in chunk)
            {
                builder.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var unit in new Rune(codePoint).ToString())
                {
                    builder.Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }

                builder.Append(">\n");
            }

            builder.Append("endbfchar\n");
        }

        builder.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return builder.ToString();
    }

    /// <summary>Six capital letters naming the subset, derived from the glyphs it holds (PDF 32000 §9.6.4).</summary>
    private string SubsetTag()
    {
        var ids = string.Join(',', _usedGlyphs.Keys);
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(ids));
        return new string(hash.Take(6).Select(b => (char)('A' + (b % 26))).ToArray());
    }

    private string InfoDictionary()
    {
        var builder = new StringBuilder("<< /Producer (PowerFunctions)");
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                builder.Append(" /").Append(key).Append(' ').Append(TextString(value));
            }
        }

        Add("Title", Info.Title);
        Add("Subject", Info.Subject);
        Add("Author", Info.Author);
        Add("Keywords", Info.Keywords);
        if (Info.CreationDate is { } created)
        {
            var offset = created.Offset;
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            builder.Append(CultureInfo.InvariantCulture, $" /CreationDate (D:{created:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}')");
        }

        foreach (var (key, value) in Info.Custom)
        {
            if (key.Length == 0 || !key.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"'{key}' is not a plain PDF name");
            }

            Add(key, value);
        }

        return builder.Append(" >>").ToString();
    }

    /// <summary>A PDF text string: a literal for printable ASCII, UTF-16BE with a byte-order mark otherwise.</summary>
    internal static string TextString(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        var builder = new StringBuilder("<FEFF");
        foreach (var unit in value)
        {
            builder.Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
        }

        return builder.Append('>').ToString();
    }

    /// <summary>Writes numbered objects and remembers where each starts, for the xref table.</summary>
    private sealed class Writer
    {
        private readonly MemoryStream _output = new();
        private readonly SortedDictionary<int, long> _offsets = [];

        public Writer()
        {
            Raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        public void Object(int id, string body)
        {
            _offsets[id] = _output.Position;
            Raw($"{id} 0 obj\n{body}\nendobj\n");
        }

        public void Stream(int id, string extraEntries, byte[] data)
        {
            var compressed = Compress(data);
            _offsets[id] = _output.Position;
            var extra = extraEntries.Length > 0 ? " " + extraEntries : string.Empty;
            Raw($"{id} 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode{extra} >>\nstream\n");
            _output.Write(compressed);
            Raw("\nendstream\nendobj\n");
        }

        public byte[] Finish(int catalog, int info, int size)
        {
            var id = Convert.ToHexString(SHA256.HashData(_output.GetBuffer().AsSpan(0, (int)_output.Length))[..16]);
            var xref = _output.Position;
            var builder = new StringBuilder();
            builder.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
            for (var i = 1; i < size; i++)
            {
                builder.Append(_offsets.TryGetValue(i, out var offset)
                    ? offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n"
                    : "0000000000 65535 f \n");
            }

            builder.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {catalog} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
            Raw(builder.ToString());
            return _output.ToArray();
        }

        private static byte[] Compress(byte[] data)
        {
            using var buffer = new MemoryStream();
            using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(data);
            }

            return buffer.ToArray();
        }

        private void Raw(string text) => _output.Write(Encoding.Latin1.GetBytes(text));
    }
}
