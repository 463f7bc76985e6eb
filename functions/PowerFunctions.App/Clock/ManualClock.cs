namespace PowerFunctions.App.Clock;

/// <summary>
/// A clock that only moves when told (<c>Clock:Mode=Manual</c>, set or advanced over
/// <c>POST /api/admin/clock</c>). Never in Production. Thread-safe without a lock (the instant is one
/// 64-bit count of UTC ticks, read and changed atomically: every request reads the clock, often several
/// times, so readers must never queue behind each other); never moves backwards unless set.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _utcTicks;

    public ManualClock(DateTimeOffset start)
    {
        _utcTicks = start.UtcTicks;
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by a non-negative span; returns the new now.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        return new DateTimeOffset(Interlocked.Add(ref _utcTicks, by.Ticks), TimeSpan.Zero);
    }

    /// <summary>Sets the clock to an instant; returns it.</summary>
    public DateTimeOffset Set(DateTimeOffset instant)
    {
        Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);
        return instant;
    }
}
