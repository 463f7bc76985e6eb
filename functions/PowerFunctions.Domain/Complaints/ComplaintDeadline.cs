using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// One clock of a ticket: its kind and round (answer clocks restart per round; the others have round 1),
/// when it started, when it is due (and whether that date is provisional), when it was resolved, and
/// whether the due date is a date told to the filer by an extension (then fixed: a calendar change does
/// not move it). Resolved on or before the due date is met; after it, it stays red.
/// </summary>
public sealed record ComplaintDeadline(ComplaintDeadlineKind Kind, int Round, DateOnly StartedOn, DateOnly Due, bool Provisional, DateOnly? ResolvedOn, bool Extended = false)
{
    /// <summary>The API code of <see cref="Kind"/>, e.g. <c>dispatch</c>.</summary>
    public string Code => CodeOf(Kind);

    /// <summary>The supervision alert kind: <c>complaint-{kind}</c> (API.md "Supervision centre").</summary>
    public string AlertKind => "complaint-" + Code;

    /// <summary>The alert identity part that keeps alerts once per clock: the alert kind, and the round after a reopening (<c>complaint-answer-2</c>).</summary>
    public string AlertKey => Round > 1 ? $"{AlertKind}-{Round}" : AlertKind;

    public bool IsOpen => ResolvedOn is null;

    /// <summary>True when resolved after the due date.</summary>
    public bool ResolvedLate => ResolvedOn is { } on && on > Due;

    /// <summary>pending / yellow / red / met at <paramref name="now"/>. Source: municipal 电子监察 rules (via <see cref="AlertRules.StatusAt"/>).</summary>
    public DeadlineStatus StatusAt(IWorkingCalendar calendar, DateTimeOffset now) =>
        ResolvedLate ? DeadlineStatus.Red : AlertRules.StatusAt(calendar, Due, now, met: ResolvedOn is not null);

    /// <summary>The alert the clock calls for at <paramref name="now"/> (yellow one working day before, red past it), or none. Source: municipal 电子监察 rules (public).</summary>
    public AlertLevel? AlertLevelAt(IWorkingCalendar calendar, DateTimeOffset now) => AlertRecordRules.LevelFor(StatusAt(calendar, now));

    public static string CodeOf(ComplaintDeadlineKind kind) => kind switch
    {
        ComplaintDeadlineKind.Dispatch => "dispatch",
        ComplaintDeadlineKind.Acceptance => "acceptance",
        ComplaintDeadlineKind.Explanation => "explanation",
        ComplaintDeadlineKind.Answer => "answer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ComplaintDeadlineKind? Parse(string? code) => code switch
    {
        "dispatch" => ComplaintDeadlineKind.Dispatch,
        "acceptance" => ComplaintDeadlineKind.Acceptance,
        "explanation" => ComplaintDeadlineKind.Explanation,
        "answer" => ComplaintDeadlineKind.Answer,
        _ => null,
    };
}
