using PowerFunctions.App.Features.Documents.Pdf;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>The fonts the app ships (no system font), loaded once for the rendering tests.</summary>
internal static class TestFonts
{
    private static readonly Lazy<PdfFontSet> LazyBundled = new(() => new PdfFontSet(BundledFonts.LoadLatin(), BundledFonts.LoadCjk()));

    /// <summary>The bundled Latin and CJK fonts, no fallback: what a fresh machine renders with.</summary>
    public static PdfFontSet Bundled => LazyBundled.Value;
}
