namespace PowerFunctions.App.Features.Documents;

/// <summary><c>Documents:*</c> settings.</summary>
public sealed class DocumentOptions
{
    /// <summary>Where Debian's <c>fonts-droid-fallback</c> installs its font: the default fallback.</summary>
    public const string SystemFallbackFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>
    /// A system TrueType font (.ttf or .woff, glyf outlines) used only for a character the bundled fonts
    /// lack (a rare character in a name); empty means <see cref="SystemFallbackFontPath"/>. A missing
    /// file is no error: such a character then prints as 〓 and is reported in the log.
    /// </summary>
    public string? FallbackFontPath { get; set; }

    /// <summary>The public address printed in the QR code and the verification line, e.g. <c>https://zwgk.example.gov.cn</c>.</summary>
    public string PublicBaseUrl { get; set; } = "https://powerfunctions.gov.cn";

    /// <summary>
    /// The key of the public document ids (<see cref="DocumentIds"/>), at least 32 bytes; required in
    /// Production, a fixed development key elsewhere. Changing it changes the id a retried act would
    /// issue, so change it only when no command is in flight; issued ids stay valid.
    /// </summary>
    public string? IdKey { get; set; }

    /// <summary>The fallback font path in effect.</summary>
    public string ResolveFallbackFontPath() => string.IsNullOrWhiteSpace(FallbackFontPath) ? SystemFallbackFontPath : FallbackFontPath;
}
