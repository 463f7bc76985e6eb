using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The periods of the penalty procedure and how each is counted, in one place. 行政处罚法 第八十五条:
/// “本法中‘二日’‘三日’‘五日’‘七日’的规定是指工作日，不含法定节假日” — its 2-, 3-, 5- and 7-day periods
/// count working days; every other period of the law (15 days, 90 days) counts calendar days, its last
/// day rolled to the next working day when it is a holiday (民法典 第二百零三条). The start day is never
/// counted (民法典 第二百零一条). Every penalty clock is computed through <see cref="End"/>.
/// </summary>
public static class PenaltyPeriods
{
    /// <summary>The source of the counting rule.</summary>
    public const string Source = "行政处罚法 第八十五条";

    /// <summary>A hearing is requested within 5 days of the notice. Source: 行政处罚法 第六十四条(一).</summary>
    public const int HearingRequestDays = 5;

    /// <summary>The party is told of the hearing 7 days before it. Source: 行政处罚法 第六十四条(二).</summary>
    public const int HearingNoticeDays = 7;

    /// <summary>A decision not handed over on the spot is delivered within 7 days. Source: 行政处罚法 第六十一条.</summary>
    public const int DeliveryDays = 7;

    /// <summary>The decision is made within 90 days of opening the case. Source: 行政处罚法 第六十条.</summary>
    public const int DecisionDays = 90;

    /// <summary>
    /// A fine is paid within 15 days of receiving the decision (第六十七条第三款; 第六十六条: the party performs
    /// the decision within the period it states). Source: 行政处罚法 第六十六条, 第六十七条第三款.
    /// </summary>
    public const int PaymentDays = 15;

    /// <summary>
    /// Enforcement decisions are made public within 7 working days of the decision (stated in working
    /// days by the document itself, not by 第八十五条). Source: 国办发〔2018〕118号 (行政执法公示制度).
    /// </summary>
    public const int PublicationWorkingDays = 7;

    /// <summary>The periods 第八十五条 counts in working days.</summary>
    public static IReadOnlyList<int> WorkingDayPeriods { get; } = [2, 3, 5, 7];

    /// <summary>How a period of <paramref name="days"/> days of the penalty law counts. Source: 行政处罚法 第八十五条.</summary>
    public static PeriodUnit UnitOf(int days) => WorkingDayPeriods.Contains(days) ? PeriodUnit.Working : PeriodUnit.Calendar;

    /// <summary>
    /// The last day of a period of <paramref name="days"/> days of the penalty law starting on
    /// <paramref name="from"/> (not counted), counted as <see cref="UnitOf"/> says.
    /// Source: 行政处罚法 第八十五条; 民法典 第二百零一条, 第二百零三条.
    /// </summary>
    public static CalendarDate End(IWorkingCalendar calendar, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return UnitOf(days) == PeriodUnit.Working ? calendar.AddWorkingDays(from, days) : calendar.AddCalendarDays(from, days);
    }
}
