using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Documents;

/// <summary>Creates the documents table and container, checks the seal settings and the id key, and says whether the fallback font is there.</summary>
public sealed class DocumentStartupTask(DocumentStore store, ISealKeyStore seals, DocumentIds ids, DocumentFont font, ILogger<DocumentStartupTask> logger) : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        _ = seals;   // resolving it read and checked Seal:* (a wrong setting stops the app here, naming it)
        _ = ids;     // and Documents:IdKey
        if (!File.Exists(font.FallbackPath))
        {
            logger.LogInformation("no fallback document font at {Path}: documents use the bundled fonts; a character outside them prints as 〓 and is reported", font.FallbackPath);
        }
    }
}
