using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Evaluations;

/// <summary>
/// The rules of 好差评 follow-up, in one place.
/// Source: 国办发〔2019〕51号 (《关于建立政务服务“好差评”制度提高政务服务水平的意见》): every bad
/// review is verified, followed up and rectified, and the result fed back to the rater; local rules
/// set the rectification window at 5–15 working days.
/// </summary>
public static class EvaluationRules
{
    /// <summary>The rule's source, for tests and documents.</summary>
    public const string Source = "国办发〔2019〕51号 and local rules";

    /// <summary>The shortest rectification window local rules set, in working days.</summary>
    public const int MinRectificationWorkingDays = 5;

    /// <summary>The longest rectification window local rules set, in working days.</summary>
    public const int MaxRectificationWorkingDays = 15;

    /// <summary>The longest comment kept, in characters.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>A bad review (不满意 or 非常不满意) must be followed up and rectified. Source: 国办发〔2019〕51号.</summary>
    public static bool NeedsRectification(Satisfaction level) => level is Satisfaction.Dissatisfied or Satisfaction.VeryDissatisfied;

    /// <summary>Whether a configured window is within the 5–15 working days local rules allow. Source: local rules under 国办发〔2019〕51号.</summary>
    public static bool IsValidWindow(int workingDays) => workingDays is >= MinRectificationWorkingDays and <= MaxRectificationWorkingDays;

    /// <summary>
    /// The day by which a bad review received on <paramref name="ratedOn"/> must be rectified: that many
    /// working days later, the rating day not counted (民法典 第二百零一条, 行政许可法 第八十二条 counting).
    /// Source: 国办发〔2019〕51号 and local rules.
    /// </summary>
    public static CalendarDate RectificationDue(IWorkingCalendar calendar, DateOnly ratedOn, int windowWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return RectificationPeriod(ratedOn, windowWorkingDays).DueUnder(calendar);
    }

    /// <summary>The rectification period of a bad review rated on <paramref name="ratedOn"/>: the window in working days. Source: 国办发〔2019〕51号 and local rules.</summary>
    public static DeadlinePeriod RectificationPeriod(DateOnly ratedOn, int windowWorkingDays)
    {
        if (!IsValidWindow(windowWorkingDays))
        {
            throw new ArgumentOutOfRangeException(nameof(windowWorkingDays), windowWorkingDays, "the window must be 5–15 working days");
        }

        return new DeadlinePeriod(ratedOn, windowWorkingDays, PeriodUnit.Working);
    }

    /// <summary>Parses an API level code.</summary>
    public static bool TryParseLevel(string? code, out Satisfaction level)
    {
        (var ok, level) = code switch
        {
            "very-satisfied" => (true, Satisfaction.VerySatisfied),
            "satisfied" => (true, Satisfaction.Satisfied),
            "basically-satisfied" => (true, Satisfaction.BasicallySatisfied),
            "dissatisfied" => (true, Satisfaction.Dissatisfied),
            "very-dissatisfied" => (true, Satisfaction.VeryDissatisfied),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>The API code of a level.</summary>
    public static string Code(Satisfaction level) => level switch
    {
        Satisfaction.VerySatisfied => "very-satisfied",
        Satisfaction.Satisfied => "satisfied",
        Satisfaction.BasicallySatisfied => "basically-satisfied",
        Satisfaction.Dissatisfied => "dissatisfied",
        Satisfaction.VeryDissatisfied => "very-dissatisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The Chinese name of a level.</summary>
    public static string ChineseName(Satisfaction level) => level switch
    {
        Satisfaction.VerySatisfied => "非常满意",
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        Satisfaction.VeryDissatisfied => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
