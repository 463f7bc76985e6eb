namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>
/// The fonts shipped inside the app (<c>Fonts/</c>, embedded resources, rebuilt by
/// <c>tools/fonts/build.sh</c>): Noto Serif CJK SC subset to the 通用规范汉字表, GB 2312 and Chinese
/// punctuation, and Liberation Serif for Latin text. Both SIL OFL 1.1; the licences are copied beside
/// the app as <c>fonts/OFL-*.txt</c>.
/// </summary>
public static class BundledFonts
{
    public const string CjkResource = "PowerFunctions.App.Fonts.NotoSerifCJKsc-TGH.woff";

    public const string LatinResource = "PowerFunctions.App.Fonts.LiberationSerif-Regular.ttf";

    /// <summary>The CJK subset.</summary>
    public static TrueTypeFont LoadCjk() => TrueTypeFont.Parse(Read(CjkResource));

    /// <summary>The Latin font.</summary>
    public static TrueTypeFont LoadLatin() => TrueTypeFont.Parse(Read(LatinResource));

    private static byte[] Read(string name)
    {
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"the app was built without its font resource '{name}'");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
