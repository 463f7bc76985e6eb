using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Documents;

/// <summary>Creates the documents table and container, checks the seal settings, and says where the font is.</summary>
public sealed class DocumentStartupTask(DocumentStore store, ISealKeyStore seals, DocumentFont font, ILogger<DocumentStartupTask> logger) : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        _ = seals;   // resolving it read and checked Seal:* (a wrong setting stops the app here, naming it)
        if (!File.Exists(font.Path))
        {
            logger.LogWarning("the document font {Path} is missing: issuing documents will answer documents.font_missing", font.Path);
        }
    }
}
