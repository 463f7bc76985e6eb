namespace PowerFunctions.App.Hosting;

/// <summary>Work done once before the app listens (create tables, seed the catalog), in <see cref="Order"/>.</summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: 0 storage, 100 reference data, 200 seeds.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
