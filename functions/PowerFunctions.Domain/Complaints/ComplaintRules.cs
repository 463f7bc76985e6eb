using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Complaints;

/// <summary>The time rules of complaints.</summary>
public static class ComplaintRules
{
    /// <summary>Days within which a complaint that needs study is answered.</summary>
    public const int AnswerWithinDays = 3;

    /// <summary>
    /// The date by which a complaint received at <paramref name="receivedAt"/> must be answered: a complaint
    /// that cannot be settled on the spot is answered, with an explanation and a date, within 3 days. The
    /// day of receipt is not counted (民法典 第二百零一条) and a last day that is not a working day rolls
    /// to the next working day (民法典 第二百零三条), both through the working calendar.
    /// Source: seed 003 (第五篇 首问负责制)
    /// </summary>
    public static CalendarDate AnswerDue(DateTimeOffset receivedAt, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return AnswerPeriod(receivedAt).DueUnder(calendar);
    }

    /// <summary>The answer period of a complaint received at <paramref name="receivedAt"/>: 3 calendar days from its China date. Source: seed 003 (第五篇 首问负责制)</summary>
    public static DeadlinePeriod AnswerPeriod(DateTimeOffset receivedAt) => new(ChinaTime.DateOf(receivedAt), AnswerWithinDays, PeriodUnit.Calendar);

    /// <summary>
    /// The move of an open complaint's answer deadline, recorded as <paramref name="recorded"/>, under a
    /// changed calendar; null when it stays. Source: seed 003 (第五篇 首问负责制); <see cref="DeadlineRedating"/>
    /// </summary>
    public static DeadlineMove? RedateAnswer(DateTimeOffset receivedAt, CalendarDate recorded, IWorkingCalendar calendar) =>
        DeadlineRedating.Redate(AnswerPeriod(receivedAt), recorded, calendar);

    /// <summary>
    /// An unanswered complaint is overdue from the day after its answer-due date (China dates).
    /// Source: seed 003 (第五篇 首问负责制)
    /// </summary>
    public static bool IsOverdue(DateOnly answerDue, DateTimeOffset now) => ChinaTime.DateOf(now) > answerDue;
}
