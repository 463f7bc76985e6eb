using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// A small PDF 1.7 writer for official documents: A4 pages drawn with <see cref="PdfPage"/>, every font
/// embedded as a subset of the glyphs used (Type0 / CIDFontType2, Identity-H, CIDs are the original
/// glyph ids mapped by a CIDToGIDMap onto the subset, widths in <c>/W</c>, a ToUnicode CMap so the text
/// can be searched and copied), Flate-compressed streams and a classic xref table. Characters are set
/// in the font <see cref="PdfFontSet"/> chooses; one no font has prints the placeholder 〓 and is listed
/// in <see cref="MissingCharacters"/>. The output is deterministic: the same drawing gives the same bytes.
/// </summary>
public sealed class PdfDocument
{
    private readonly PdfFontSet _fonts;
    private readonly List<PdfPage> _pages = [];
    private readonly UsedFont[] _used;
    private readonly SortedSet<int> _missing = [];

    public PdfDocument(PdfFontSet fonts)
    {
        _fonts = fonts;
        _used = fonts.Fonts.Select(f => new UsedFont(f)).ToArray();
    }

    public PdfInfo Info { get; set; } = new();

    public IReadOnlyList<PdfPage> Pages => _pages;

    /// <summary>The characters drawn so far that no font has (printed as 〓), in code point order.</summary>
    public IReadOnlyList<string> MissingCharacters => _missing.Select(c => char.ConvertFromUtf32(c)).ToList();

    public PdfPage AddPage()
    {
        var page = new PdfPage(this);
        _pages.Add(page);
        return page;
    }

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Measure(string text, double size)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Advance(rune, size);
        }

        return width;
    }

    /// <summary>Width of one character at <paramref name="size"/> points (0 for a control character).</summary>
    public double Advance(Rune rune, double size)
    {
        if (Rune.IsControl(rune))
        {
            return 0;
        }

        var index = _fonts.FontOf(rune.Value);
        var font = index < 0 ? _fonts.Cjk : _fonts.Fonts[index];
        var glyph = font.GlyphOf(index < 0 ? PdfFontSet.Placeholder : rune.Value);
        return font.AdvanceOf(glyph) * size / font.UnitsPerEm;
    }

    /// <summary>The characters of <paramref name="text"/> no font has (they would print as 〓).</summary>
    public IReadOnlyList<string> Missing(string text) => _fonts.Missing(text);

    /// <summary>
    /// The text as runs of one font each: the font's resource number and the CIDs to show, recording
    /// every glyph for the subset and the ToUnicode map.
    /// </summary>
    internal List<(int Font, List<int> Cids)> Encode(string text)
    {
        var runs = new List<(int Font, List<int> Cids)>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                continue;
            }

            var index = _fonts.FontOf(rune.Value);
            int cid;
            if (index < 0)
            {
                _missing.Add(rune.Value);
                index = 1;
                cid = _used[index].Placeholder(rune.Value);
            }
            else
            {
                cid = _used[index].Glyph(rune.Value);
            }

            if (runs.Count == 0 || runs[^1].Font != index)
            {
                runs.Add((index, []));
            }

            runs[^1].Cids.Add(cid);
        }

        return runs;
    }

    /// <summary>The finished file.</summary>
    public byte[] Save()
    {
        if (_pages.Count == 0)
        {
            AddPage();
        }

        var writer = new Writer();
        const int catalog = 1, pages = 2, info = 3;
        var next = 4;
        var fontIds = new Dictionary<int, int>();
        for (var i = 0; i < _used.Length; i++)
        {
            if (_used[i].IsUsed)
            {
                fontIds[i] = next;
                next += 6;
            }
        }

        var firstPage = next;
        var pageIds = Enumerable.Range(0, _pages.Count).Select(i => firstPage + (2 * i)).ToList();
        writer.Object(catalog, "<< /Type /Catalog /Pages 2 0 R >>");
        writer.Object(pages, $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {_pages.Count} >>");
        writer.Object(info, InfoDictionary());
        foreach (var (index, id) in fontIds)
        {
            _used[index].Write(writer, id);
        }

        var resources = string.Join(' ', fontIds.Select(f => $"/F{f.Key + 1} {f.Value} 0 R"));
        for (var i = 0; i < _pages.Count; i++)
        {
            var pageId = pageIds[i];
            writer.Object(pageId, string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PdfPage.N(PdfPage.A4Width)} {PdfPage.N(PdfPage.A4Height)}] /Resources << /Font << {resources} >> >> /Contents {pageId + 1} 0 R >>"));
            writer.Stream(pageId + 1, string.Empty, Encoding.ASCII.GetBytes(_pages[i].Content));
        }

        return writer.Finish(catalog, info, firstPage + (2 * _pages.Count));
    }

    private static string Round(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

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

    /// <summary>One font's glyphs used by the document and its six objects (Type0, CIDFont, descriptor, program, ToUnicode, CIDToGIDMap).</summary>
    private sealed class UsedFont(TrueTypeFont font)
    {
        /// <summary>CID → the character it shows. CIDs below the glyph count are glyph ids; above, placeholders.</summary>
        private readonly SortedDictionary<int, int> _cids = [];
        private readonly Dictionary<int, int> _placeholders = [];

        public bool IsUsed => _cids.Count > 0;

        public int Glyph(int codePoint)
        {
            var glyph = font.GlyphOf(codePoint);
            _cids.TryAdd(glyph, codePoint);
            return glyph;
        }

        /// <summary>A CID of its own for a missing character: drawn with the placeholder glyph, extracted as the character.</summary>
        public int Placeholder(int codePoint)
        {
            if (!_placeholders.TryGetValue(codePoint, out var cid))
            {
                cid = font.GlyphCount + _placeholders.Count;
                _placeholders[codePoint] = cid;
                _cids[cid] = codePoint;
            }

            return cid;
        }

        public void Write(Writer writer, int id)
        {
            int type0 = id, cidFont = id + 1, descriptor = id + 2, fontFile = id + 3, toUnicode = id + 4, cidToGid = id + 5;
            var placeholderGlyph = font.GlyphOf(PdfFontSet.Placeholder);
            int GlyphOfCid(int cid) => cid < font.GlyphCount ? cid : placeholderGlyph;
            var (subset, newIds) = TrueTypeSubsetter.Subset(font, _cids.Keys.Select(GlyphOfCid));
            var name = $"{SubsetTag(subset)}+{font.PostScriptName}";
            writer.Object(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
            writer.Object(cidFont, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /W {Widths(GlyphOfCid)} /CIDToGIDMap {cidToGid} 0 R >>");
            var scale = 1000.0 / font.UnitsPerEm;
            var box = font.BoundingBox;
            writer.Object(descriptor, string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /FontDescriptor /FontName /{name} /Flags 6 /FontBBox [{Round(box.XMin * scale)} {Round(box.YMin * scale)} {Round(box.XMax * scale)} {Round(box.YMax * scale)}] /ItalicAngle 0 /Ascent {Round(font.Ascender * scale)} /Descent {Round(font.Descender * scale)} /CapHeight {Round(font.Ascender * scale)} /StemV 80 /FontFile2 {fontFile} 0 R >>"));
            writer.Stream(fontFile, $"/Length1 {subset.Length}", subset);
            writer.Stream(toUnicode, string.Empty, Encoding.ASCII.GetBytes(ToUnicodeCMap()));
            var map = new byte[2 * (_cids.Keys.Max() + 1)];
            foreach (var cid in _cids.Keys)
            {
                var renumbered = newIds[GlyphOfCid(cid)];
                map[2 * cid] = (byte)(renumbered >> 8);
                map[(2 * cid) + 1] = (byte)renumbered;
            }

            writer.Stream(cidToGid, string.Empty, map);
        }

        private string Widths(Func<int, int> glyphOfCid)
        {
            var scale = 1000.0 / font.UnitsPerEm;
            var builder = new StringBuilder("[");
            var previous = -2;
            foreach (var cid in _cids.Keys)
            {
                if (cid != previous + 1)
                {
                    if (previous >= 0)
                    {
                        builder.Append("] ");
                    }

                    builder.Append(cid.ToString(CultureInfo.InvariantCulture)).Append(" [");
                }
                else
                {
                    builder.Append(' ');
                }

                builder.Append(Round(font.AdvanceOf(glyphOfCid(cid)) * scale));
                previous = cid;
            }

            if (previous >= 0)
            {
                builder.Append(']');
            }

            return builder.Append(']').ToString();
        }

        private string ToUnicodeCMap()
        {
            var builder = new StringBuilder();
            builder.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
            builder.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
            builder.Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
            builder.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            var entries = _cids.ToList();
            for (var start = 0; start < entries.Count; start += 100)
            {
                var chunk = entries.Skip(start).Take(100).ToList();
                builder.Append(chunk.Count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
                foreach (var (cid, codePoint) in chunk)
                {
                    builder.Append('<').Append(cid.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
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

        /// <summary>Six capital letters naming the subset, derived from its bytes (PDF 32000 §9.6.4).</summary>
        private static string SubsetTag(byte[] subset) =>
            new(SHA256.HashData(subset).Take(6).Select(b => (char)('A' + (b % 26))).ToArray());
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
