using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// The fonts of every document, read once and shared: the bundled Latin and CJK fonts (always there,
/// inside the app) and, when its file exists, the system fallback font for characters outside the
/// bundled subset (<see cref="DocumentOptions.ResolveFallbackFontPath"/>). Only a broken build (a bundled
/// font unreadable) is a problem (<c>documents.font_missing</c>, 503), retried on the next call.
/// </summary>
public sealed class DocumentFont(DocumentOptions options, ILogger<DocumentFont> logger)
{
    private readonly Lock _gate = new();
    private PdfFontSet? _fonts;

    /// <summary>The fallback font's path (it may not exist).</summary>
    public string FallbackPath => options.ResolveFallbackFontPath();

    public PdfFontSet Get()
    {
        if (_fonts is { } loaded)
        {
            return loaded;
        }

        lock (_gate)
        {
            if (_fonts is not null)
            {
                return _fonts;
            }

            TrueTypeFont latin, cjk;
            try
            {
                latin = BundledFonts.LoadLatin();
                cjk = BundledFonts.LoadCjk();
            }
            catch (InvalidDataException e)
            {
                logger.LogError("the bundled document fonts cannot be read: {Error}", e.Message);
                throw new ProblemException(503, "documents.font_missing", "文书字体缺失，暂时无法出具文书",
                    $"the bundled document fonts cannot be read: {e.Message} (rebuild the app; tools/fonts/build.sh makes the fonts)");
            }

            _fonts = new PdfFontSet(latin, cjk, LoadFallback());
            return _fonts;
        }
    }

    private TrueTypeFont? LoadFallback()
    {
        var path = FallbackPath;
        if (!File.Exists(path))
        {
            logger.LogInformation("no fallback document font at {Path}: characters outside the bundled fonts print as 〓 and are reported", path);
            return null;
        }

        try
        {
            return TrueTypeFont.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning("the fallback document font {Path} cannot be read ({Error}): characters outside the bundled fonts print as 〓 and are reported", path, e.Message);
            return null;
        }
    }
}
