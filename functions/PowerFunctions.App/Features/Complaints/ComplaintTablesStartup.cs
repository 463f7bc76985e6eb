using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>Creates the <c>complaints</c> table at start.</summary>
public sealed class ComplaintTablesStartup(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) =>
        storage.GetTableClient(ComplaintFunctions.TableName).CreateIfNotExistsAsync(cancellationToken);
}
