using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>
/// Issue 5, durable timers: the process is killed at every step of a firing (between each storage
/// write of the sweep: claim, handler effect, delete, bookmark), restarted over the same store once
/// the dead claimer's lease has run out, and every timer still takes effect exactly once, none lost.
/// </summary>
public sealed class SweepFaultInjectionTests : IDisposable
{
    private const int Timers = 20;

    private readonly TimerStore _store = new();

    [Fact]
    public async Task Sweep_CrashAtEveryStep_EveryTimerTakesEffectExactlyOnceAndNoneIsLost()
    {
        var serial = new TimerOptions { Parallelism = 1 };
        var stepsOfACleanSweep = Timers * 4 + 1; // claim, fire, delete, done per timer; then the bookmark
        for (var k = 1; k <= stepsOfACleanSweep; k++)
        {
            var handler = new EffectCounterHandler(_store.Account);
            var now = _store.Clock.GetUtcNow();
            var timers = Enumerable.Range(0, Timers).Select(i => new DurableTimer(EffectCounterHandler.DefaultKind, $"S{k:D3}-T{i:D2}", "k", now.AddSeconds(-i), 1)).ToList();
            await _store.Scheduler().ScheduleAsync(timers, default);

            var faults = new CrashAtStep(k);
            var crash = await Assert.ThrowsAsync<SimulatedCrashException>(() => _store.Sweeper([handler], serial, faults).SweepAsync(default));

            // Restart: a new process over the same data folder, after the dead claimer's lease.
            _store.Restart();
            _store.Clock.Advance(serial.LeaseDuration + TimeSpan.FromSeconds(1));
            var restarted = new EffectCounterHandler(_store.Account);
            var sweeper = _store.Sweeper([restarted], serial);
            for (var round = 0; round < 3 && (await _store.IndexRowsAsync()).Count > 0; round++)
            {
                await sweeper.SweepAsync(default);
            }

            foreach (var timer in timers)
            {
                var count = await restarted.CountAsync(timer.TargetId);
                Assert.True(count == 1, $"crash at step {k} ({crash.Step}): {timer.TargetId} took effect {count} times");
            }

            Assert.Empty(await _store.IndexRowsAsync());
            Assert.Empty(await _store.AllAsync(_store.Dead));
        }
    }

    [Fact]
    public async Task Sweep_CleanRun_PassesEveryStepInOrder()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var now = _store.Clock.GetUtcNow();
        await _store.Scheduler().ScheduleAsync([new DurableTimer(EffectCounterHandler.DefaultKind, "T1", "k", now, 1)], default);
        var faults = new CrashAtStep(int.MaxValue);

        Assert.Equal(1, await _store.Sweeper([handler], faults: faults).SweepAsync(default));

        Assert.Equal([SweepStep.BeforeClaim, SweepStep.BeforeFire, SweepStep.BeforeDelete, SweepStep.AfterDelete, SweepStep.BeforeBookmark], faults.Seen.Select(s => s.Step));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Sweep_CrashWhileDeadLettering_DeadRowWrittenOnceAndIndexRowGone(int k)
    {
        var now = _store.Clock.GetUtcNow();
        await _store.Scheduler().ScheduleAsync([new DurableTimer("unknown-kind", "T1", "k", now, 1)], default);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _store.Sweeper([], faults: new CrashAtStep(k)).SweepAsync(default));
        _store.Restart();
        await _store.Sweeper([]).SweepAsync(default);

        Assert.Empty(await _store.IndexRowsAsync());
        Assert.Single(await _store.AllAsync(_store.Dead));
    }

    [Fact]
    public async Task Sweep_CrashWhileRecordingAHandlerFailure_TimerStillTakesEffectOnce()
    {
        var handler = new EffectCounterHandler(_store.Account) { FailuresLeft = 1 };
        await _store.Scheduler().ScheduleAsync([new DurableTimer(EffectCounterHandler.DefaultKind, "T1", "k", _store.Clock.GetUtcNow(), 1)], default);
        var faults = new CrashAtStep(3); // claim, fire, then the failure write

        var crash = await Assert.ThrowsAsync<SimulatedCrashException>(() => _store.Sweeper([handler], faults: faults).SweepAsync(default));
        _store.Restart();
        _store.Clock.Advance(new TimerOptions().LeaseDuration);
        var restarted = new EffectCounterHandler(_store.Account);

        Assert.Equal(SweepStep.BeforeRecordFailure, crash.Step);
        Assert.Equal(1, await _store.Sweeper([restarted]).SweepAsync(default));
        Assert.Equal(1, await restarted.CountAsync("T1"));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_PastTimerScheduledWhileSweeping_BookmarkDoesNotSkipIt()
    {
        var handler = new EffectCounterHandler(_store.Account);
        await _store.Scheduler().ScheduleAsync([new DurableTimer(EffectCounterHandler.DefaultKind, "T1", "k", _store.Clock.GetUtcNow(), 1)], default);
        Assert.Equal(1, await _store.Sweeper([handler]).SweepAsync(default));
        _store.Clock.Advance(TimeSpan.FromHours(2));

        // Between the sweep's scan and its bookmark move, another instance schedules a timer due an
        // hour ago: a bucket after the old bookmark and before the new one the sweep is about to write.
        var late = new DurableTimer(EffectCounterHandler.DefaultKind, "T2", "k", _store.Clock.GetUtcNow().AddHours(-1), 1);
        var racing = new ActAtStep(SweepStep.BeforeBookmark, () => _store.Scheduler().ScheduleAsync([late], default));
        Assert.Equal(0, await _store.Sweeper([handler], faults: racing).SweepAsync(default));

        Assert.Equal(1, await _store.Sweeper([handler]).SweepAsync(default));
        Assert.Equal(1, await handler.CountAsync("T2"));
    }

    public void Dispose() => _store.Dispose();
}
