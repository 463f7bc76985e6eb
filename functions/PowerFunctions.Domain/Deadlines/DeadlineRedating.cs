using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// Every clock follows the calendar: when a year's official schedule is loaded or replaced, each OPEN
/// deadline is computed again from its period under the new calendar, and moves if its due date (or
/// whether that date is provisional) changed. A deadline already met or closed keeps its date: it was
/// judged under the calendar in force then. Cases (their own clocks), complaints, 好差评 rectifications
/// and catalog revisions all re-date through this one rule.
/// Source: 行政许可法 第八十二条 (periods count working days, i.e. the official schedule in force);
/// GLOSSARY ("loading a year's schedule recomputes the open deadlines").
/// </summary>
public static class DeadlineRedating
{
    /// <summary>
    /// The move of an open deadline of <paramref name="period"/> recorded as due on
    /// <paramref name="recorded"/> (provisional or not), or null when the new calendar leaves it where it is.
    /// </summary>
    public static DeadlineMove? Redate(DeadlinePeriod period, CalendarDate recorded, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        var due = period.DueUnder(calendar);
        return due == recorded ? null : new DeadlineMove(recorded.Date, due);
    }
}
