namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// Date arithmetic under Chinese law over the loaded official holiday schedules. An immutable
/// snapshot: loading a year's schedule yields a new calendar.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>True on a working day: a weekday that is not a statutory holiday, or a make-up working day (调休上班).</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The day on which a period of <paramref name="days"/> working days that starts on
    /// <paramref name="from"/> ends. The start day is not counted (民法典 第二百零一条); holidays and
    /// weekends are skipped (行政许可法 第八十二条). Provisional when a date past the loaded schedules was used.
    /// </summary>
    CalendarDate AddWorkingDays(DateOnly from, int days);

    /// <summary>
    /// The end of a period of <paramref name="days"/> calendar days from <paramref name="from"/> (start
    /// day not counted); a last day that is not a working day rolls to the next working day (民法典 第二百零三条).
    /// </summary>
    CalendarDate AddCalendarDays(DateOnly from, int days);

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; 0 when to ≤ from.</summary>
    int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive);

    /// <summary>
    /// True when <paramref name="year"/>'s official schedule is loaded. A date computed into a year
    /// without one counts weekends only and is provisional.
    /// </summary>
    bool HasSchedule(int year);

    /// <summary>
    /// The working day that lies <paramref name="days"/> working days before <paramref name="date"/>
    /// (1 = the last working day before it); <paramref name="date"/> itself for 0.
    /// </summary>
    DateOnly WorkingDaysBefore(DateOnly date, int days);
}
