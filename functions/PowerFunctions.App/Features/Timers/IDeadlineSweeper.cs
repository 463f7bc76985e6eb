namespace PowerFunctions.App.Features.Timers;

/// <summary>Fires every durable timer that is due now; answers how many fired. Called by the DeadlineSweep timer, the standalone runner and the admin endpoint.</summary>
public interface IDeadlineSweeper
{
    Task<int> SweepAsync(CancellationToken cancellationToken);
}
