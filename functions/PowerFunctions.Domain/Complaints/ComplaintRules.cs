using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The rules of complaints and the hotline, each in one place with its source. <see cref="Complaint"/>,
/// <see cref="ComplaintDeadlines"/>, <see cref="ComplaintLimits"/> and <see cref="ComplaintPrivacy"/> call these.
/// Every period follows the calendar rules: the start day is not counted (民法典 第二百零一条), working days
/// skip weekends and statutory holidays (行政许可法 第八十二条 practice), and a calendar-day period whose last
/// day is not a working day ends on the next working day (民法典 第二百零三条).
/// </summary>
public static class ComplaintRules
{
    /// <summary>Source of the petition-type limits and the reporter's protection.</summary>
    public const string PetitionSource = "信访工作条例 (2022)";

    /// <summary>Source of first-contact ownership and the 3-day explanation.</summary>
    public const string FirstContactSource = "seed 003 (第五篇 首问负责制)";

    /// <summary>Source of the hotline limits (consultation, help, suggestion, dispatch).</summary>
    public const string HotlineSource = "local 12345 rules (转办件办理规定: 咨询、求助 3 个工作日, 建议批评 13 个工作日, from the day after the ticket reaches the department); 国办发〔2020〕53号";

    /// <summary>
    /// A ticket that needs study is answered, or given an explanation and a date, within 3 days of reaching
    /// the department first asked. The text says 3 日, not 3 个工作日: calendar days, the start day not
    /// counted and a last day off rolled to the next working day (民法典 第二百零一条, 第二百零三条); the
    /// glossary marks working days "wd" wherever a source counts them (e.g. 行政处罚法 第八十五条) and this
    /// rule is written "3 days". Source: seed 003 (第五篇 首问负责制); GLOSSARY "A complaint that needs study is answered within 3 days".
    /// </summary>
    public const int ExplanationCalendarDays = 3;

    /// <summary>A ticket reaches a department (routed at intake or assigned) within 1 working day of its receipt. Source: local 12345 rules (派单).</summary>
    public const int DefaultDispatchWorkingDays = 1;

    /// <summary>A petition-type matter is accepted or declined within 15 days of reaching the department. Source: 信访工作条例 (2022).</summary>
    public const int PetitionAcceptanceDays = 15;

    /// <summary>A petition-type matter is concluded within 60 days of acceptance. Source: 信访工作条例 (2022).</summary>
    public const int PetitionHandlingDays = 60;

    /// <summary>A complex petition-type matter may be extended once, by at most 30 days, with the reason told to the filer. Source: 信访工作条例 (2022).</summary>
    public const int PetitionExtensionDays = 30;

    /// <summary>A consultation or request for help not answered on the spot is answered within 3 working days. Source: local 12345 rules.</summary>
    public const int HotlineConsultationAndHelpWorkingDays = 3;

    /// <summary>Suggestions and criticism are answered within 13 working days. Source: local 12345 rules.</summary>
    public const int HotlineSuggestionWorkingDays = 13;

    /// <summary>The longest subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest description: the Open311 GeoReport v2 limit (4,000 characters), so every ticket can be served to Open311 clients unchanged.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>The longest answer (答复意见).</summary>
    public const int MaxAnswerLength = 8000;

    /// <summary>The longest reason or note.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>How much of an answer the hotline's status message and Open311's status notes carry.</summary>
    public const int AnswerSummaryLength = 200;

    /// <summary>
    /// Complaints (投诉, 申诉求决类) and reports (举报, 检举控告类) are petition-type matters: accepted within
    /// 15 days, handled within 60, extended once by at most 30. Consultations, help and suggestions follow
    /// the local 12345 rules. Source: 信访工作条例 (2022); local 12345 rules.
    /// </summary>
    public static bool IsPetitionType(ComplaintCategory category) => category is ComplaintCategory.Complaint or ComplaintCategory.Report;

    /// <summary>1 wd (configurable) from receipt for the ticket to reach a department. Source: local 12345 rules.</summary>
    public static CalendarDate DispatchDue(IWorkingCalendar calendar, DateOnly receivedOn, ComplaintTerms terms) =>
        calendar.AddWorkingDays(receivedOn, terms.DispatchWorkingDays);

    /// <summary>3 days from reaching the department, last day rolled to a working day. Source: seed 003 (第五篇 首问负责制).</summary>
    public static CalendarDate ExplanationDue(IWorkingCalendar calendar, DateOnly reachedOn, ComplaintTerms terms) =>
        calendar.AddCalendarDays(reachedOn, terms.ExplanationCalendarDays);

    /// <summary>15 days from reaching the department to accept a petition-type matter. Source: 信访工作条例 (2022).</summary>
    public static CalendarDate AcceptanceDue(IWorkingCalendar calendar, DateOnly reachedOn, AnswerLimit limit) =>
        calendar.AddCalendarDays(reachedOn, limit.AcceptanceDays ?? throw new InvalidOperationException($"{limit.Category} has no acceptance period"));

    /// <summary>The answer due date of a clock started on <paramref name="from"/> under <paramref name="limit"/>. Source: 信访工作条例 (2022); local 12345 rules.</summary>
    public static CalendarDate AnswerDue(IWorkingCalendar calendar, DateOnly from, AnswerLimit limit) => Add(calendar, from, limit.Days, limit.Unit);

    /// <summary>The latest date an extension may move an answer due on <paramref name="due"/> to. Source: 信访工作条例 (2022) (at most 30 days, once).</summary>
    public static DateOnly LatestExtendedDue(IWorkingCalendar calendar, DateOnly due, AnswerLimit limit) => Add(calendar, due, limit.ExtensionDays, limit.Unit).Date;

    /// <summary>
    /// A ticket is closed after its follow-up (回访) unless nobody can be asked: an anonymous ticket or one
    /// with no phone and no e-mail. Source: local 12345 rules (回访 before 办结).
    /// </summary>
    public static bool FollowUpRequiredToClose(bool anonymous, ComplaintContact? contact) =>
        !anonymous && contact is not null && (contact.Phone is not null || contact.Email is not null);

    /// <summary>
    /// The explanation date of a ticket received at <paramref name="receivedAt"/> that reached its department
    /// the same day (3 days, start day not counted, last day rolled). Kept for the legacy queue intake until
    /// the app phase moves it to <see cref="ComplaintDeadlines"/>. Source: seed 003 (第五篇 首问负责制)
    /// </summary>
    public static CalendarDate AnswerDue(DateTimeOffset receivedAt, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return AnswerPeriod(receivedAt).DueUnder(calendar);
    }

    /// <summary>The legacy intake's answer period of a complaint received at <paramref name="receivedAt"/>: 3 calendar days from its China date. Source: seed 003 (第五篇 首问负责制)</summary>
    public static DeadlinePeriod AnswerPeriod(DateTimeOffset receivedAt) => new(ChinaTime.DateOf(receivedAt), ExplanationCalendarDays, PeriodUnit.Calendar);

    /// <summary>
    /// The move of an open complaint's answer deadline, recorded as <paramref name="recorded"/>, under a
    /// changed calendar; null when it stays. Source: seed 003 (第五篇 首问负责制); <see cref="DeadlineRedating"/>
    /// </summary>
    public static DeadlineMove? RedateAnswer(DateTimeOffset receivedAt, CalendarDate recorded, IWorkingCalendar calendar) =>
        DeadlineRedating.Redate(AnswerPeriod(receivedAt), recorded, calendar);

    /// <summary>Overdue from the day after its due date (China dates); legacy intake. Source: seed 003 (第五篇 首问负责制)</summary>
    public static bool IsOverdue(DateOnly answerDue, DateTimeOffset now) => ChinaTime.DateOf(now) > answerDue;

    private static CalendarDate Add(IWorkingCalendar calendar, DateOnly from, int days, PeriodUnit unit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return unit == PeriodUnit.Working ? calendar.AddWorkingDays(from, days) : calendar.AddCalendarDays(from, days);
    }
}
