using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>The timer engine over a real embedded store: due-ness, idempotent scheduling, staleness, retries, dead letters, bounds.</summary>
public sealed class DeadlineSweeperTests : IDisposable
{
    private readonly TimerStore _store = new();

    private static DurableTimer Timer(string target, DateTimeOffset due, long generation = 1, string kind = EffectCounterHandler.DefaultKind) =>
        new(kind, target, "k", due, generation);

    [Fact]
    public async Task Sweep_TimerDueLater_IsNotFiredEarly()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var due = _store.Clock.GetUtcNow().AddHours(1);
        await _store.Scheduler().ScheduleAsync([Timer("T1", due)], default);
        var sweeper = _store.Sweeper([handler]);

        Assert.Equal(0, await sweeper.SweepAsync(default));
        _store.Clock.Set(due.AddTicks(-1));
        Assert.Equal(0, await sweeper.SweepAsync(default));
        Assert.Equal(0, await handler.CountAsync("T1"));
        Assert.Single(await _store.IndexRowsAsync());

        _store.Clock.Set(due);
        Assert.Equal(1, await sweeper.SweepAsync(default));
        Assert.Equal(1, await handler.CountAsync("T1"));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Schedule_SameTimerTwice_IsOneRowFiredOnce()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var due = _store.Clock.GetUtcNow().AddMinutes(5);
        var scheduler = _store.Scheduler();
        await scheduler.ScheduleAsync([Timer("T1", due), Timer("T1", due)], default);
        await scheduler.ScheduleAsync([Timer("T1", due), Timer("T2", due)], default);

        Assert.Equal(2, (await _store.IndexRowsAsync()).Count);
        _store.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, await _store.Sweeper([handler]).SweepAsync(default));
        Assert.Equal(1, handler.Calls["T1|k|1"]);
    }

    [Fact]
    public async Task Schedule_ManyInOneBucket_UsesTransactionsAndToleratesRepeats()
    {
        var due = _store.Clock.GetUtcNow().AddDays(3);
        var timers = Enumerable.Range(0, 250).Select(i => Timer($"T{i}", due.AddSeconds(i % 60))).ToList();
        var scheduler = _store.Scheduler();
        await scheduler.ScheduleAsync(timers[..120], default);
        await scheduler.ScheduleAsync(timers, default);

        Assert.Equal(250, (await _store.IndexRowsAsync()).Count);
    }

    [Fact]
    public async Task Sweep_StaleGeneration_HandlerSkipsAndRowIsRemoved()
    {
        var handler = new EffectCounterHandler(_store.Account);
        handler.CurrentGeneration["T1"] = 2;
        var now = _store.Clock.GetUtcNow();
        await _store.Scheduler().ScheduleAsync([Timer("T1", now, generation: 1), Timer("T2", now)], default);

        var fired = await _store.Sweeper([handler]).SweepAsync(default);

        Assert.Equal(1, fired);
        Assert.Equal(1, handler.Calls["T1|k|1"]);
        Assert.Equal(0, await handler.CountAsync("T1"));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_RepeatedTimerOfAppliedGeneration_HasNoSecondEffect()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var now = _store.Clock.GetUtcNow();
        var sweeper = _store.Sweeper([handler]);
        await _store.Scheduler().ScheduleAsync([Timer("T1", now)], default);
        Assert.Equal(1, await sweeper.SweepAsync(default));

        await _store.Scheduler().ScheduleAsync([Timer("T1", now)], default); // at-least-once: it comes back
        Assert.Equal(0, await sweeper.SweepAsync(default));

        Assert.Equal(1, await handler.CountAsync("T1"));
    }

    [Fact]
    public async Task Sweep_UnknownKind_GoesToDeadTableWithReason()
    {
        var now = _store.Clock.GetUtcNow();
        await _store.Scheduler().ScheduleAsync([Timer("T1", now, kind: "no-such-kind")], default);

        Assert.Equal(0, await _store.Sweeper([new EffectCounterHandler(_store.Account)]).SweepAsync(default));

        Assert.Empty(await _store.IndexRowsAsync());
        var dead = Assert.Single(await _store.AllAsync(_store.Dead));
        Assert.Equal("no-such-kind", dead.PartitionKey);
        Assert.Equal("T1", dead.GetString("TargetId"));
        Assert.Contains("no handler", dead.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_HandlerThrows_RowStaysWithErrorAndIsRetriedAfterDelay()
    {
        var handler = new EffectCounterHandler(_store.Account) { FailuresLeft = 1 };
        var options = new TimerOptions { RetryDelay = TimeSpan.FromMinutes(1) };
        await _store.Scheduler().ScheduleAsync([Timer("T1", _store.Clock.GetUtcNow())], default);
        var sweeper = _store.Sweeper([handler], options);

        Assert.Equal(0, await sweeper.SweepAsync(default));
        var row = Assert.Single(await _store.IndexRowsAsync());
        Assert.Contains("failed on purpose", row.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(1, row.GetInt32("Attempts"));

        Assert.Equal(0, await sweeper.SweepAsync(default)); // still waiting out the retry delay
        _store.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sweeper.SweepAsync(default));
        Assert.Equal(1, await handler.CountAsync("T1"));
        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_HandlerKeepsThrowing_GoesToDeadTableAfterMaxAttempts()
    {
        var handler = new EffectCounterHandler(_store.Account) { FailuresLeft = int.MaxValue };
        var options = new TimerOptions { MaxAttempts = 3, RetryDelay = TimeSpan.FromMinutes(1) };
        await _store.Scheduler().ScheduleAsync([Timer("T1", _store.Clock.GetUtcNow())], default);
        var sweeper = _store.Sweeper([handler], options);

        for (var i = 0; i < 5; i++)
        {
            await sweeper.SweepAsync(default);
            _store.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, handler.Calls["T1|k|1"]);
        Assert.Empty(await _store.IndexRowsAsync());
        var dead = Assert.Single(await _store.AllAsync(_store.Dead));
        Assert.Contains("gave up after 3 attempts", dead.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("failed on purpose", dead.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_MoreDueThanTheBound_FiresTheRestInLaterSweeps()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var now = _store.Clock.GetUtcNow();
        var timers = Enumerable.Range(0, 25).Select(i => Timer($"T{i:D2}", now.AddMinutes(-i))).ToList();
        await _store.Scheduler().ScheduleAsync(timers, default);
        var sweeper = _store.Sweeper([handler], new TimerOptions { MaxTimersPerSweep = 10 });

        var fired = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            fired.Add(await sweeper.SweepAsync(default));
        }

        Assert.Equal([10, 10, 5, 0], fired);
        foreach (var timer in timers)
        {
            Assert.Equal(1, await handler.CountAsync(timer.TargetId));
        }
    }

    [Fact]
    public async Task Sweep_AfterBookmarkMoved_TimerScheduledInThePastStillFires()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var sweeper = _store.Sweeper([handler]);
        await _store.Scheduler().ScheduleAsync([Timer("T1", _store.Clock.GetUtcNow())], default);
        _store.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await sweeper.SweepAsync(default));
        var bookmark = await _store.Index.GetEntityAsync(TimerIndex.BookmarkPartition, TimerIndex.BookmarkRow);
        Assert.Equal(TimerIndex.Bucket(_store.Clock.GetUtcNow()), bookmark!.GetString("Bucket"));

        await _store.Scheduler().ScheduleAsync([Timer("T2", _store.Clock.GetUtcNow().AddDays(-1))], default);

        Assert.Equal(1, await sweeper.SweepAsync(default));
        Assert.Equal(1, await handler.CountAsync("T2"));
    }

    [Fact]
    public async Task Sweep_TwoSweepersAtOnce_EveryTimerTakesEffectOnce()
    {
        var handler = new EffectCounterHandler(_store.Account);
        var now = _store.Clock.GetUtcNow();
        var timers = Enumerable.Range(0, 200).Select(i => Timer($"T{i:D3}", now.AddSeconds(-i))).ToList();
        await _store.Scheduler().ScheduleAsync(timers, default);
        var first = _store.Sweeper([handler]);
        var second = _store.Sweeper([handler]);

        var fired = await Task.WhenAll(Task.Run(() => first.SweepAsync(default)), Task.Run(() => second.SweepAsync(default)));

        Assert.Equal(200, fired.Sum());
        foreach (var timer in timers)
        {
            Assert.Equal(1, await handler.CountAsync(timer.TargetId));
        }

        Assert.Empty(await _store.IndexRowsAsync());
    }

    [Fact]
    public async Task Sweep_ClaimedByALiveSweeper_IsLeftUntilItsLeaseRunsOut()
    {
        var handler = new EffectCounterHandler(_store.Account);
        await _store.Scheduler().ScheduleAsync([Timer("T1", _store.Clock.GetUtcNow())], default);
        var crashing = _store.Sweeper([handler], faults: new CrashAtStep(2)); // dies after the claim
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SweepAsync(default));
        var other = _store.Sweeper([handler]);

        Assert.Equal(0, await other.SweepAsync(default));
        _store.Clock.Advance(new TimerOptions().LeaseDuration);
        Assert.Equal(1, await other.SweepAsync(default));
        Assert.Equal(1, await handler.CountAsync("T1"));
    }

    public void Dispose() => _store.Dispose();
}
