using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>Table <c>guidance</c>: the register (partition <c>d-{department}</c>, row = entry id) and the entries still to be followed up (partition <c>open</c>).</summary>
public sealed class GuidanceTable(IStorageAccount storage) : IStartupTask
{
    public const string Name = "guidance";

    public int Order => 10;

    public Task RunAsync(CancellationToken cancellationToken) => storage.GetTableClient(Name).CreateIfNotExistsAsync(cancellationToken);
}
