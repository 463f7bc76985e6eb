namespace PowerFunctions.Domain.Common;

/// <summary>
/// Deadline law speaks of dates in China: UTC+8 all year, no daylight saving. Instants become dates
/// here and nowhere else.
/// </summary>
public static class ChinaTime
{
    /// <summary>China Standard Time, UTC+08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The date in China at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant expressed in China time (same moment, +08:00 offset).</summary>
    public static DateTimeOffset InChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Midnight at the start of <paramref name="date"/> in China.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The first instant after <paramref name="date"/> ends in China (the next midnight).</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));

    /// <summary>The date in China now, from an injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
