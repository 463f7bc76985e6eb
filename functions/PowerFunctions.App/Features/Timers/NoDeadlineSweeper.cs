namespace PowerFunctions.App.Features.Timers;

/// <summary>The sweeper before any deadline kind is registered: nothing is ever due.</summary>
public sealed class NoDeadlineSweeper : IDeadlineSweeper
{
    public Task<int> SweepAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
