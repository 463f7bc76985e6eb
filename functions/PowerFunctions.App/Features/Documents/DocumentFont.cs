using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// The CJK font, read once from <see cref="DocumentOptions.ResolveFontPath"/> and shared. A missing or
/// unreadable font is a clear problem (<c>documents.font_missing</c>, 503), retried on the next call.
/// </summary>
public sealed class DocumentFont(DocumentOptions options, ILogger<DocumentFont> logger)
{
    private readonly Lock _gate = new();
    private TrueTypeFont? _font;

    public string Path => options.ResolveFontPath();

    public TrueTypeFont Get()
    {
        if (_font is { } loaded)
        {
            return loaded;
        }

        lock (_gate)
        {
            if (_font is not null)
            {
                return _font;
            }

            var path = Path;
            try
            {
                _font = TrueTypeFont.Load(path);
                return _font;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                logger.LogError("the document font {Path} cannot be read: {Error}", path, e.Message);
                throw new ProblemException(503, "documents.font_missing", "文书字体缺失，暂时无法出具文书",
                    $"the CJK font '{path}' is missing or unreadable (install Debian package fonts-droid-fallback or set Documents:FontPath)");
            }
        }
    }
}
