using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// A parsed TrueType font (glyf outlines), from a plain sfnt file or a WOFF 1.0 one: the tables a PDF
/// needs to embed a subset of it — the character map (cmap formats 4 and 12), advance widths, the
/// glyph outlines, the vertical metrics and the PostScript name. Immutable; parse once per process and share.
/// </summary>
public sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly FrozenDictionary<string, (int Offset, int Length)> _tables;
    private readonly FrozenDictionary<int, int> _cmap;
    private readonly int[] _glyphOffsets;
    private readonly ushort[] _advances;
    private readonly short[] _bearings;

    private TrueTypeFont(byte[] data)
    {
        _data = data;
        if (data.Length < 12)
        {
            throw new InvalidDataException("not a TrueType font: too short");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (version != 0x00010000 && version != 0x74727565)
        {
            throw new InvalidDataException("not a TrueType font with glyf outlines (sfnt version)");
        }

        var count = U16(4);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            var offset = checked((int)U32(record + 8));
            var length = checked((int)U32(record + 12));
            if (offset < 0 || length < 0 || offset + length > data.Length)
            {
                throw new InvalidDataException($"table '{tag}' lies outside the file");
            }

            tables[tag] = (offset, length);
        }

        _tables = tables.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var required in new[] { "head", "hhea", "maxp", "hmtx", "loca", "glyf" })
        {
            if (!_tables.ContainsKey(required))
            {
                throw new InvalidDataException($"the font has no '{required}' table");
            }
        }

        var head = Table("head").Offset;
        UnitsPerEm = U16(head + 18);
        BoundingBox = (S16(head + 36), S16(head + 38), S16(head + 40), S16(head + 42));
        var longLoca = S16(head + 50) == 1;
        var hhea = Table("hhea").Offset;
        Ascender = S16(hhea + 4);
        Descender = S16(hhea + 6);
        var metricsCount = U16(hhea + 34);
        GlyphCount = U16(Table("maxp").Offset + 4);

        var loca = Table("loca").Offset;
        _glyphOffsets = new int[GlyphCount + 1];
        for (var g = 0; g <= GlyphCount; g++)
        {
            _glyphOffsets[g] = longLoca ? checked((int)U32(loca + (4 * g))) : U16(loca + (2 * g)) * 2;
        }

        var hmtx = Table("hmtx").Offset;
        _advances = new ushort[GlyphCount];
        _bearings = new short[GlyphCount];
        for (var g = 0; g < GlyphCount; g++)
        {
            _advances[g] = U16(hmtx + (4 * Math.Min(g, metricsCount - 1)));
            _bearings[g] = g < metricsCount ? S16(hmtx + (4 * g) + 2) : S16(hmtx + (4 * metricsCount) + (2 * (g - metricsCount)));
        }

        _cmap = ReadCmap();
        PostScriptName = ReadPostScriptName() ?? "Font" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data), 0, 4);
    }

    /// <summary>The font's PostScript name (name id 6), letters, digits and dashes only: the PDF's /BaseFont.</summary>
    public string PostScriptName { get; }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    public int Ascender { get; }

    public int Descender { get; }

    public (int XMin, int YMin, int XMax, int YMax) BoundingBox { get; }

    /// <summary>Reads and parses a font file (TrueType or WOFF 1.0).</summary>
    public static TrueTypeFont Load(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Parses a TrueType font, or a WOFF 1.0 one (its tables are inflated first).</summary>
    public static TrueTypeFont Parse(byte[] data)
    {
        try
        {
            return new TrueTypeFont(data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) == WoffSignature ? FromWoff(data) : data);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("the font file is damaged: " + e.Message, e);
        }
    }

    /// <summary>The glyph of a code point, 0 (.notdef) when the font has none.</summary>
    public int GlyphOf(int codePoint) => _cmap.TryGetValue(codePoint, out var glyph) ? glyph : 0;

    public bool Has(int codePoint) => _cmap.ContainsKey(codePoint);

    /// <summary>Advance width in font units.</summary>
    public int AdvanceOf(int glyph) => _advances[glyph];

    /// <summary>Left side bearing in font units.</summary>
    public int LeftSideBearingOf(int glyph) => _bearings[glyph];

    /// <summary>The raw outline bytes of a glyph (empty for a blank glyph).</summary>
    public ReadOnlySpan<byte> GlyphData(int glyph)
    {
        var start = _glyphOffsets[glyph];
        var end = _glyphOffsets[glyph + 1];
        var glyf = Table("glyf");
        if (end <= start || start < 0 || end > glyf.Length)
        {
            return [];
        }

        return _data.AsSpan(glyf.Offset + start, end - start);
    }

    /// <summary>A whole table's bytes, or empty when the font has none.</summary>
    public ReadOnlySpan<byte> TableData(string tag) =>
        _tables.TryGetValue(tag, out var t) ? _data.AsSpan(t.Offset, t.Length) : [];

    public bool HasTable(string tag) => _tables.ContainsKey(tag);

    private (int Offset, int Length) Table(string tag) => _tables[tag];

    private const uint WoffSignature = 0x774F4646;   // 'wOFF'

    /// <summary>The sfnt a WOFF 1.0 file wraps (W3C WOFF 1.0 §4-5): each table inflated (zlib) when stored compressed.</summary>
    private static byte[] FromWoff(byte[] woff)
    {
        if (woff.Length < 44)
        {
            throw new InvalidDataException("not a WOFF font: too short");
        }

        var flavor = BinaryPrimitives.ReadUInt32BigEndian(woff.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16BigEndian(woff.AsSpan(12));
        var tables = new List<(uint Tag, byte[] Data)>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = woff.AsSpan(44 + (20 * i), 20);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]));
            var stored = checked((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
            if (offset < 0 || stored < 0 || offset + stored > woff.Length || stored > length)
            {
                throw new InvalidDataException("a WOFF table lies outside the file");
            }

            var data = new byte[length];
            if (stored == length)
            {
                woff.AsSpan(offset, length).CopyTo(data);
            }
            else
            {
                using var zlib = new ZLibStream(new MemoryStream(woff, offset, stored), CompressionMode.Decompress);
                zlib.ReadExactly(data);
            }

            tables.Add((tag, data));
        }

        var header = 12 + (16 * count);
        var sfnt = new byte[header + tables.Sum(t => (t.Data.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt32BigEndian(sfnt, flavor);
        BinaryPrimitives.WriteUInt16BigEndian(sfnt.AsSpan(4), (ushort)count);
        var at = header;
        for (var i = 0; i < tables.Count; i++)
        {
            var record = sfnt.AsSpan(12 + (16 * i));
            BinaryPrimitives.WriteUInt32BigEndian(record, tables[i].Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)tables[i].Data.Length);
            tables[i].Data.CopyTo(sfnt, at);
            at += (tables[i].Data.Length + 3) & ~3;
        }

        return sfnt;
    }

    /// <summary>Name id 6 from the Windows Unicode (3,1) or Mac Roman (1,0) records, reduced to PDF-safe characters.</summary>
    private string? ReadPostScriptName()
    {
        if (!_tables.TryGetValue("name", out var table) || table.Length < 6)
        {
            return null;
        }

        var count = U16(table.Offset + 2);
        var strings = table.Offset + U16(table.Offset + 4);
        string? found = null;
        for (var i = 0; i < count && 6 + (12 * (i + 1)) <= table.Length; i++)
        {
            var record = table.Offset + 6 + (12 * i);
            var (platform, encoding, nameId) = (U16(record), U16(record + 2), U16(record + 6));
            var (length, offset) = (U16(record + 8), U16(record + 10));
            if (nameId != 6 || strings + offset + length > table.Offset + table.Length)
            {
                continue;
            }

            if (platform == 3 && encoding == 1)
            {
                found = Encoding.BigEndianUnicode.GetString(_data, strings + offset, length);
                break;
            }

            if (platform == 1 && encoding == 0)
            {
                found ??= Encoding.Latin1.GetString(_data, strings + offset, length);
            }
        }

        var name = found is null ? string.Empty : new string(found.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return name.Length == 0 ? null : name;
    }

    /// <summary>The Unicode character map; empty for a font without one (a subset embedded in a PDF, which maps codes itself).</summary>
    private FrozenDictionary<int, int> ReadCmap()
    {
        if (!_tables.ContainsKey("cmap"))
        {
            return FrozenDictionary<int, int>.Empty;
        }

        var cmap = Table("cmap").Offset;
        var count = U16(cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = U16(record);
            var encoding = U16(record + 2);
            var offset = cmap + checked((int)U32(record + 4));
            var format = U16(offset);
            if (format == 12 && ((platform == 3 && encoding == 10) || platform == 0))
            {
                format12 = offset;
            }
            else if (format == 4 && ((platform == 3 && encoding == 1) || platform == 0))
            {
                format4 ??= offset;
            }
        }

        var map = new Dictionary<int, int>();
        if (format12 is { } f12)
        {
            var groups = U32(f12 + 12);
            for (var i = 0L; i < groups; i++)
            {
                var g = f12 + 16 + checked((int)(12 * i));
                var start = U32(g);
                var end = U32(g + 4);
                var glyph = U32(g + 8);
                for (var c = start; c <= end && c <= 0x10FFFF; c++)
                {
                    var gid = (int)(glyph + (c - start));
                    if (gid > 0 && gid < GlyphCount)
                    {
                        map[(int)c] = gid;
                    }
                }
            }
        }
        else if (format4 is { } f4)
        {
            var segments = U16(f4 + 6) / 2;
            var ends = f4 + 14;
            var starts = ends + (2 * segments) + 2;
            var deltas = starts + (2 * segments);
            var rangeOffsets = deltas + (2 * segments);
            for (var s = 0; s < segments; s++)
            {
                int start = U16(starts + (2 * s));
                int end = U16(ends + (2 * s));
                var delta = S16(deltas + (2 * s));
                int rangeOffset = U16(rangeOffsets + (2 * s));
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    int gid;
                    if (rangeOffset == 0)
                    {
                        gid = (c + delta) & 0xFFFF;
                    }
                    else
                    {
                        var at = rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                        gid = U16(at);
                        if (gid != 0)
                        {
                            gid = (gid + delta) & 0xFFFF;
                        }
                    }

                    if (gid > 0 && gid < GlyphCount)
                    {
                        map[c] = gid;
                    }
                }
            }
        }
        else
        {
            throw new InvalidDataException("the font has no Unicode character map (cmap 4 or 12)");
        }

        return map.ToFrozenDictionary();
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at, 2));

    private short S16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at, 2));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at, 4));
}
