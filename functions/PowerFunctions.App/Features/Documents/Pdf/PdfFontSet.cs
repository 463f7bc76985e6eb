using System.Text;

namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// The fonts a document draws with and which one sets each character: printable ASCII in the Latin
/// font; anything else in the CJK font when it has it, else the Latin font, else the fallback (a
/// system font for a rare character outside the CJK subset). A character none of them has is
/// <em>missing</em>: <see cref="PdfDocument"/> prints the CJK font's <see cref="Placeholder"/> (〓, the
/// typesetters' mark for an unavailable character) in its place, mapped back to the real character
/// for copy and search, and reports it — never a .notdef box.
/// </summary>
public sealed class PdfFontSet
{
    /// <summary>〓 (U+3013 GETA MARK), printed where no font has the character.</summary>
    public const char Placeholder = '\u3013';

    private readonly TrueTypeFont[] _fonts;

    public PdfFontSet(TrueTypeFont latin, TrueTypeFont cjk, TrueTypeFont? fallback = null)
    {
        if (!cjk.Has(Placeholder))
        {
            throw new ArgumentException($"the CJK font has no U+{(int)Placeholder:X4} placeholder glyph", nameof(cjk));
        }

        Latin = latin;
        Cjk = cjk;
        Fallback = fallback;
        _fonts = fallback is null ? [latin, cjk] : [latin, cjk, fallback];
    }

    public TrueTypeFont Latin { get; }

    public TrueTypeFont Cjk { get; }

    public TrueTypeFont? Fallback { get; }

    /// <summary>The fonts by index (0 Latin, 1 CJK, 2 the fallback when there is one).</summary>
    public IReadOnlyList<TrueTypeFont> Fonts => _fonts;

    /// <summary>The index of the font that sets <paramref name="codePoint"/>, or -1 when none has it.</summary>
    public int FontOf(int codePoint)
    {
        if (codePoint is >= 0x20 and <= 0x7E)
        {
            return Latin.Has(codePoint) ? 0 : Cjk.Has(codePoint) ? 1 : -1;
        }

        if (Cjk.Has(codePoint))
        {
            return 1;
        }

        if (Latin.Has(codePoint))
        {
            return 0;
        }

        return Fallback is not null && Fallback.Has(codePoint) ? 2 : -1;
    }

    /// <summary>The characters of <paramref name="text"/> no font has, each once (control characters are not drawn).</summary>
    public IReadOnlyList<string> Missing(string text) =>
        text.EnumerateRunes().Where(r => !Rune.IsControl(r) && FontOf(r.Value) < 0).Select(r => r.ToString()).Distinct().ToList();
}
