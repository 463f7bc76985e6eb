using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Audit;

/// <summary>Creates the anchors' container.</summary>
public sealed class AnchorStartupTask(AnchorStore store) : IStartupTask
{
    public int Order => 10;

    public Task RunAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);
}
