using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Evaluations;

/// <summary>
/// One rating of one case's service (好差评), at most one per case. A bad rating carries the date by
/// which the department must rectify, and later what it did.
/// </summary>
public sealed record Evaluation
{
    public required string CaseNo { get; init; }

    public required string ItemCode { get; init; }

    public required string DepartmentCode { get; init; }

    /// <summary>The rater (token <c>sub</c> of the applicant).</summary>
    public required string RatedBy { get; init; }

    public required Satisfaction Level { get; init; }

    public required string Comment { get; init; }

    public required DateTimeOffset RatedAt { get; init; }

    public required EvaluationStatus Status { get; init; }

    /// <summary>For a bad rating: the last day to rectify.</summary>
    public CalendarDate? RectificationDue { get; init; }

    /// <summary>For a bad rating: the window in working days it was given (absent on ratings stored before it was recorded).</summary>
    public int? RectificationWorkingDays { get; init; }

    public string? Measures { get; init; }

    public string? RectifiedBy { get; init; }

    public DateTimeOffset? RectifiedAt { get; init; }

    /// <summary>
    /// Records a rating: a bad one (不满意/非常不满意) awaits rectification within the window.
    /// Source: 国办发〔2019〕51号 and local rules.
    /// </summary>
    public static Result<Evaluation> Rate(
        IWorkingCalendar calendar,
        string caseNo,
        string itemCode,
        string departmentCode,
        string ratedBy,
        Satisfaction level,
        string? comment,
        DateTimeOffset ratedAt,
        int windowWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        comment = comment?.Trim() ?? string.Empty;
        if (comment.Length > EvaluationRules.MaxCommentLength)
        {
            return DomainError.Validation("evaluation.invalid", "评价内容无效", null, new Dictionary<string, string[]>
            {
                ["comment"] = [$"at most {EvaluationRules.MaxCommentLength} characters"],
            });
        }

        var bad = EvaluationRules.NeedsRectification(level);
        if (bad && comment.Length == 0)
        {
            return DomainError.Validation("evaluation.invalid", "评价内容无效", null, new Dictionary<string, string[]>
            {
                ["comment"] = ["a dissatisfied rating needs a comment saying what went wrong, so it can be followed up"],
            });
        }

        return new Evaluation
        {
            CaseNo = caseNo,
            ItemCode = itemCode,
            DepartmentCode = departmentCode,
            RatedBy = ratedBy,
            Level = level,
            Comment = comment,
            RatedAt = ratedAt,
            Status = bad ? EvaluationStatus.AwaitingRectification : EvaluationStatus.Recorded,
            RectificationDue = bad ? EvaluationRules.RectificationDue(calendar, ChinaTime.DateOf(ratedAt), windowWorkingDays) : null,
            RectificationWorkingDays = bad ? windowWorkingDays : null,
        };
    }

    /// <summary>
    /// This rating with its open rectification deadline computed again under <paramref name="calendar"/>
    /// (a changed official schedule), or null when it stays (or nothing is awaited). A rating stored
    /// without its window uses <paramref name="configuredWindow"/>.
    /// Source: 国办发〔2019〕51号 and local rules; <see cref="Deadlines.DeadlineRedating"/>.
    /// </summary>
    public Evaluation? RedateRectification(IWorkingCalendar calendar, int configuredWindow)
    {
        if (Status != EvaluationStatus.AwaitingRectification || RectificationDue is not { } due)
        {
            return null;
        }

        var period = EvaluationRules.RectificationPeriod(ChinaTime.DateOf(RatedAt), RectificationWorkingDays ?? configuredWindow);
        return Deadlines.DeadlineRedating.Redate(period, due, calendar) is { } move ? this with { RectificationDue = move.NewDue } : null;
    }

    /// <summary>The department reports its rectification; only a bad rating awaiting it can be rectified, once.</summary>
    public Result<Evaluation> Rectify(string measures, string by, DateTimeOffset at)
    {
        if (Status != EvaluationStatus.AwaitingRectification)
        {
            return DomainError.Conflict("evaluation.not_awaiting_rectification", "该评价无需整改或已整改", $"the evaluation of {CaseNo} is {Status}");
        }

        measures = measures?.Trim() ?? string.Empty;
        if (measures.Length is 0 or > 2000)
        {
            return DomainError.Validation("evaluation.invalid", "整改内容无效", null, new Dictionary<string, string[]>
            {
                ["measures"] = ["say what was done, in 1–2000 characters"],
            });
        }

        return this with { Status = EvaluationStatus.Rectified, Measures = measures, RectifiedBy = by, RectifiedAt = at };
    }

    /// <summary>Awaiting rectification after the due day has ended (China time).</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        Status == EvaluationStatus.AwaitingRectification && RectificationDue is { } due && now >= ChinaTime.EndOf(due.Date);
}
