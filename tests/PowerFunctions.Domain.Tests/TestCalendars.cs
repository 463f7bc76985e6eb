using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Tests;

/// <summary>
/// The real <see cref="WorkingCalendar"/> built from small test schedules (no fake calendars): each
/// names exactly the holidays a test crosses, so a test reads its own dates.
/// </summary>
internal static class TestCalendars
{
    /// <summary>2026 with only 中秋 (9/25–9/27) and 国庆 (10/1–10/7) and their make-up days (9/20, 10/10): the autumn the case tests cross.</summary>
    public static WorkingCalendar Autumn2026 { get; } = Of(2026, [new Holiday("中秋节", new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27)), new Holiday("国庆节", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7))], [new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)]);

    /// <summary>2026 loaded with no holiday at all: weekends off, nothing provisional.</summary>
    public static WorkingCalendar Weekends2026 { get; } = Of(2026, [], []);

    /// <summary>A calendar of one year's schedule.</summary>
    public static WorkingCalendar Of(int year, IReadOnlyList<Holiday> holidays, IReadOnlyList<DateOnly> makeupWorkdays) =>
        new([YearSchedule.Create(year, holidays, makeupWorkdays).Value]);
}
