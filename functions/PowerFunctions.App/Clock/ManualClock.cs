namespace PowerFunctions.App.Clock;

/// <summary>
/// A clock that only moves when told (<c>Clock:Mode=Manual</c>, set or advanced over
/// <c>POST /api/admin/clock</c>). Never in Production. Thread-safe; never moves backwards unless set.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now.ToUniversalTime();
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by a non-negative span; returns the new now.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now = _now.Add(by);
            return _now;
        }
    }

    /// <summary>Sets the clock to an instant; returns it.</summary>
    public DateTimeOffset Set(DateTimeOffset instant)
    {
        lock (_gate)
        {
            _now = instant;
            return _now;
        }
    }
}
