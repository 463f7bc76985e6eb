using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>Timers scheduled for a change: kept when it commits, taken back when it fails, never taken from a writer that committed.</summary>
public sealed class ScheduleWithCommitTests : IDisposable
{
    private readonly TimerStore _store = new();

    private DurableTimer Timer(string key) => new(EffectCounterHandler.DefaultKind, "C1", key, _store.Clock.GetUtcNow().AddDays(3), 2);

    [Fact]
    public async Task ScheduleWithCommit_CommitSucceeds_RowsStay()
    {
        await _store.Scheduler().ScheduleWithCommitAsync([Timer("a"), Timer("b")], () => Task.CompletedTask, default);

        Assert.Equal(2, (await _store.IndexRowsAsync()).Count);
    }

    [Fact]
    public async Task ScheduleWithCommit_CommitFails_RowsItAddedAreGoneAndTheErrorGoesOn()
    {
        await _store.Scheduler().ScheduleAsync([Timer("before")], default);

        var error = await Assert.ThrowsAsync<IOException>(() => _store.Scheduler().ScheduleWithCommitAsync([Timer("before"), Timer("a"), Timer("b")], () => throw new IOException("commit refused"), default));

        Assert.Equal("commit refused", error.Message);
        Assert.Equal(["before"], (await _store.IndexRowsAsync()).Select(r => r.GetString("Key")!).ToArray());
    }

    [Fact]
    public async Task ScheduleWithCommit_LoserFailsAfterWinnerFoundItsRows_WinnersTimersStay()
    {
        var scheduler = _store.Scheduler();
        var winnerCommitted = new TaskCompletionSource();
        var loserScheduled = new TaskCompletionSource();

        // The loser creates the rows first; the winner finds them there, commits; then the loser's commit fails.
        var loser = scheduler.ScheduleWithCommitAsync([Timer("decision.red")], async () =>
        {
            loserScheduled.SetResult();
            await winnerCommitted.Task;
            throw new IOException("412: the case changed");
        }, default);
        await loserScheduled.Task;
        await scheduler.ScheduleWithCommitAsync([Timer("decision.red")], () => Task.CompletedTask, default);
        winnerCommitted.SetResult();
        await Assert.ThrowsAsync<IOException>(() => loser);

        Assert.Single(await _store.IndexRowsAsync());
    }

    public void Dispose() => _store.Dispose();
}
