namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// Runs synchronous work (SQLite reads are synchronous) and hands back a completed task, with a
/// failure carried by the task rather than thrown from the call, as an async method would.
/// </summary>
internal static class Completed
{
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
