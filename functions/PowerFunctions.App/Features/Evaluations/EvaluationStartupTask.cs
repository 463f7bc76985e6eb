using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>Creates the evaluations table and checks the settings before the app listens.</summary>
public sealed class EvaluationStartupTask(EvaluationStore store, EvaluationOptions options) : IStartupTask
{
    public int Order => 10;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = options;
        return store.CreateTableAsync(cancellationToken);
    }
}
