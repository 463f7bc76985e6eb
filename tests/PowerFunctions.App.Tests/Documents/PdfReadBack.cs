using System.IO.Compression;
using System.Text;
using PowerFunctions.App.Features.Documents.Pdf;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Tokens;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>One glyph a page shows: its font, code (CID), the glyph it maps to, and the text it stands for.</summary>
internal sealed record ShownGlyph(int Page, string Font, int Cid, int Glyph, string Text, bool HasOutline);

/// <summary>
/// A rendered PDF read back with PdfPig (an independent parser): every text object as a line, and every
/// glyph shown resolved through the font's CIDToGIDMap into its embedded font program, so a .notdef
/// (glyph 0, or an id the program lacks) or an empty outline for a visible character is caught.
/// </summary>
internal sealed class PdfReadBack
{
    private PdfReadBack(IReadOnlyList<string> lines, IReadOnlyList<ShownGlyph> glyphs, IReadOnlyList<string> fonts)
    {
        Lines = lines;
        Glyphs = glyphs;
        Fonts = fonts;
    }

    /// <summary>
    /// The text of each horizontal BT…ET text object, in drawing order (one line of a paragraph, a cell
    /// line, a title…); turned text (the characters set one by one round the seal) is left out.
    /// </summary>
    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<ShownGlyph> Glyphs { get; }

    /// <summary>The BaseFont of every font resource.</summary>
    public IReadOnlyList<string> Fonts { get; }

    /// <summary>Glyphs that would print as .notdef: glyph 0, an id outside the program, or no outline for a visible character.</summary>
    public IEnumerable<ShownGlyph> Notdefs => Glyphs.Where(g => g.Glyph == 0 || (!g.HasOutline && !string.IsNullOrWhiteSpace(g.Text) && g.Text != "\u3000"));

    public static PdfReadBack Read(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        IToken Resolve(IToken token) => token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
        T Get<T>(DictionaryToken dictionary, string key) where T : class, IToken =>
            dictionary.Data.TryGetValue(key, out var value) ? Resolve(value) as T ?? throw new InvalidDataException($"/{key} is not a {typeof(T).Name}") : throw new InvalidDataException($"no /{key}");

        var lines = new List<string>();
        var glyphs = new List<ShownGlyph>();
        var fontNames = new SortedSet<string>(StringComparer.Ordinal);
        var cache = new Dictionary<string, EmbeddedFont>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            var fonts = Get<DictionaryToken>(Get<DictionaryToken>(page.Dictionary, "Resources"), "Font");
            EmbeddedFont FontOf(string resource)
            {
                var type0 = Get<DictionaryToken>(fonts, resource);
                var baseFont = Get<NameToken>(type0, "BaseFont").Data;
                if (cache.TryGetValue(baseFont, out var known))
                {
                    return known;
                }

                var descendant = (DictionaryToken)Resolve(Get<ArrayToken>(type0, "DescendantFonts").Data[0]);
                var descriptor = Get<DictionaryToken>(descendant, "FontDescriptor");
                var program = TrueTypeFont.Parse(Decode(Get<StreamToken>(descriptor, "FontFile2")));
                var map = Decode(Get<StreamToken>(descendant, "CIDToGIDMap"));
                var font = new EmbeddedFont(baseFont, program, map, ToUnicode(Decode(Get<StreamToken>(type0, "ToUnicode"))));
                cache[baseFont] = font;
                return font;
            }

            foreach (var name in fonts.Data.Keys)
            {
                fontNames.Add(FontOf(name).Name);
            }

            EmbeddedFont? current = null;
            var line = new StringBuilder();
            var turned = false;
            foreach (var operation in page.Operations)
            {
                switch (operation)
                {
                    case BeginText:
                        line.Clear();
                        turned = false;
                        break;
                    case SetTextMatrix matrix:
                        turned = Math.Abs(matrix.Value[1]) > 1e-6 || Math.Abs(matrix.Value[2]) > 1e-6;
                        break;
                    case SetFontAndSize set:
                        current = FontOf(set.Font.Data);
                        break;
                    case ShowText show:
                        var bytes = show.Bytes.ToArray();
                        for (var i = 0; i + 1 < bytes.Length; i += 2)
                        {
                            var font = current ?? throw new InvalidDataException("text shown before a font is set");
                            var cid = (bytes[i] << 8) | bytes[i + 1];
                            var glyph = 2 * cid + 1 < font.CidToGid.Length ? (font.CidToGid[2 * cid] << 8) | font.CidToGid[(2 * cid) + 1] : 0;
                            var text = font.Unicode.TryGetValue(cid, out var t) ? t : "\uFFFD";
                            var hasOutline = glyph > 0 && glyph < font.Program.GlyphCount && font.Program.GlyphData(glyph).Length > 0;
                            glyphs.Add(new ShownGlyph(page.Number, font.Name, cid, glyph < font.Program.GlyphCount ? glyph : 0, text, hasOutline));
                            line.Append(text);
                        }

                        break;
                    case EndText when !turned:
                        lines.Add(line.ToString());
                        break;
                }
            }
        }

        return new PdfReadBack(lines, glyphs, fontNames.ToList());
    }

    private static byte[] Decode(StreamToken stream)
    {
        var data = stream.Data.ToArray();
        if (!stream.StreamDictionary.Data.TryGetValue("Filter", out var filter))
        {
            return data;
        }

        Assert.Equal("FlateDecode", ((NameToken)filter).Data);
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The bfchar entries of a ToUnicode CMap (what our writer emits): CID → text.</summary>
    private static Dictionary<int, string> ToUnicode(byte[] cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(Encoding.ASCII.GetString(cmap), "<([0-9A-F]{4})> <([0-9A-F]+)>"))
        {
            var hex = m.Groups[2].Value;
            var units = Enumerable.Range(0, hex.Length / 4).Select(i => (char)Convert.ToInt32(hex.Substring(4 * i, 4), 16)).ToArray();
            map[Convert.ToInt32(m.Groups[1].Value, 16)] = new string(units);
        }

        return map;
    }

    private sealed record EmbeddedFont(string Name, TrueTypeFont Program, byte[] CidToGid, Dictionary<int, string> Unicode);
}
