using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>Creates the catalog tables before anything reads them (order 10).</summary>
public sealed class CatalogTablesStartupTask(CatalogStore store) : IStartupTask
{
    public int Order => 10;

    public Task RunAsync(CancellationToken cancellationToken) => store.CreateTablesAsync(cancellationToken);
}
