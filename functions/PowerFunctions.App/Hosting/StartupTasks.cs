namespace PowerFunctions.App.Hosting;

/// <summary>
/// Runs every <see cref="IStartupTask"/> in order (create tables, seed): standalone before Kestrel listens;
/// under the Functions host as the first hosted service, before the worker connects to the host.
/// </summary>
public sealed class StartupTasks(IEnumerable<IStartupTask> tasks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var task in tasks.OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
