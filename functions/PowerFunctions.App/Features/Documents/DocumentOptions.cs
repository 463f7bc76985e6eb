namespace PowerFunctions.App.Features.Documents;

/// <summary><c>Documents:*</c> settings.</summary>
public sealed class DocumentOptions
{
    /// <summary>The font file name the build copies into <c>fonts/</c> beside the app.</summary>
    public const string FontFileName = "DroidSansFallbackFull.ttf";

    /// <summary>Where Debian's <c>fonts-droid-fallback</c> installs the font.</summary>
    public const string SystemFontPath = "/usr/share/fonts/truetype/droid/" + FontFileName;

    /// <summary>
    /// The CJK TrueType font; empty means <c>fonts/DroidSansFallbackFull.ttf</c> beside the app
    /// (copied there by the build) or else the Debian package's path.
    /// </summary>
    public string? FontPath { get; set; }

    /// <summary>The public address printed in the QR code and the verification line, e.g. <c>https://zwgk.example.gov.cn</c>.</summary>
    public string PublicBaseUrl { get; set; } = "https://powerfunctions.gov.cn";

    /// <summary>The font path in effect.</summary>
    public string ResolveFontPath()
    {
        if (!string.IsNullOrWhiteSpace(FontPath))
        {
            return FontPath;
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, "fonts", FontFileName);
        return File.Exists(bundled) ? bundled : SystemFontPath;
    }
}
