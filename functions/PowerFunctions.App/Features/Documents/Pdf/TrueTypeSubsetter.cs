using System.Buffers.Binary;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// Writes a TrueType font holding only the glyphs a document uses (plus .notdef and the components
/// of composite glyphs), renumbered densely from 0. Rebuilds glyf/loca/hmtx/hhea/maxp/head and keeps
/// the hinting tables (cvt, fpgm, prep) the outlines may call; no cmap (the PDF maps codes itself).
/// </summary>
public static class TrueTypeSubsetter
{
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXyScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    /// <summary>The subset font and the new glyph id of every kept original glyph id.</summary>
    public static (byte[] Font, IReadOnlyDictionary<int, int> NewGlyphIds) Subset(TrueTypeFont font, IEnumerable<int> glyphs)
    {
        var keep = new SortedSet<int> { 0 };
        var pending = new Stack<int>(glyphs.Where(g => g > 0 && g < font.GlyphCount));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (!keep.Add(glyph))
            {
                continue;
            }

            foreach (var component in Components(font.GlyphData(glyph)))
            {
                if (component < font.GlyphCount && !keep.Contains(component))
                {
                    pending.Push(component);
                }
            }
        }

        var order = keep.ToArray();
        var newIds = new Dictionary<int, int>(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            newIds[order[i]] = i;
        }

        using var glyf = new MemoryStream();
        var loca = new byte[4 * (order.Length + 1)];
        var hmtx = new byte[4 * order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * i), (uint)glyf.Length);
            var data = font.GlyphData(order[i]).ToArray();
            RenumberComponents(data, newIds);
            glyf.Write(data);
            while (glyf.Length % 4 != 0)
            {
                glyf.WriteByte(0);
            }

            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * i), (ushort)font.AdvanceOf(order[i]));
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan((4 * i) + 2), (short)font.LeftSideBearingOf(order[i]));
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * order.Length), (uint)glyf.Length);

        var head = font.TableData("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);     // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);     // indexToLocFormat: long
        var hhea = font.TableData("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)order.Length);
        var maxp = font.TableData("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Length);
        var post = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);     // version 3: no glyph names

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["maxp"] = maxp,
            ["post"] = post,
        };
        foreach (var hinting in new[] { "cvt ", "fpgm", "prep" })
        {
            if (font.HasTable(hinting))
            {
                tables[hinting] = font.TableData(hinting).ToArray();
            }
        }

        var bytes = Assemble(tables);
        var adjustment = unchecked(0xB1B0AFBA - Checksum(bytes));
        var headOffset = TableOffset(bytes, "head");
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(headOffset + 8), adjustment);
        return (bytes, newIds);
    }

    /// <summary>The glyph ids a composite glyph refers to (none for a simple glyph).</summary>
    public static IEnumerable<int> Components(ReadOnlySpan<byte> glyph)
    {
        var result = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return result;
        }

        var at = 10;
        ushort flags;
        do
        {
            if (at + 4 > glyph.Length)
            {
                break;
            }

            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += ComponentLength(flags);
        }
        while ((flags & MoreComponents) != 0);
        return result;
    }

    private static void RenumberComponents(byte[] glyph, IReadOnlyDictionary<int, int> newIds)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return;
        }

        var at = 10;
        ushort flags;
        do
        {
            if (at + 4 > glyph.Length)
            {
                break;
            }

            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at));
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(at + 2), (ushort)(newIds.TryGetValue(old, out var id) ? id : 0));
            at += ComponentLength(flags);
        }
        while ((flags & MoreComponents) != 0);
    }

    private static int ComponentLength(ushort flags)
    {
        var length = 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
        if ((flags & HasScale) != 0)
        {
            length += 2;
        }
        else if ((flags & HasXyScale) != 0)
        {
            length += 4;
        }
        else if ((flags & HasTwoByTwo) != 0)
        {
            length += 8;
        }

        return length;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        var headerLength = 12 + (16 * count);
        var total = headerLength + tables.Values.Sum(t => Pad4(t.Length));
        var bytes = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(10), (ushort)((count * 16) - searchRange));
        var offset = headerLength;
        var record = 12;
        foreach (var (tag, data) in tables)
        {
            System.Text.Encoding.ASCII.GetBytes(tag, bytes.AsSpan(record, 4));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(record + 4), Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(record + 12), (uint)data.Length);
            data.CopyTo(bytes, offset);
            offset += Pad4(data.Length);
            record += 16;
        }

        return bytes;
    }

    private static int TableOffset(byte[] font, string tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            if (System.Text.Encoding.ASCII.GetString(font, record, 4) == tag)
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            }
        }

        throw new InvalidOperationException($"no '{tag}' table");
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            tail.Clear();
            data[i..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }

        return sum;
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
