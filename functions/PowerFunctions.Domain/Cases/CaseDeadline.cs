using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// One clock of a case: when it started, when it is due (and whether that date is provisional), and
/// when it was resolved (met, or moot because the case ended). Resolved on or before the due date is
/// met; resolved after it stays red: it was late.
/// </summary>
public sealed record CaseDeadline(DeadlineKind Kind, DateOnly StartedOn, DateOnly Due, bool Provisional, DateOnly? ResolvedOn)
{
    /// <summary>The API code of <see cref="Kind"/>, e.g. <c>correction-notice</c>.</summary>
    public string Code => CodeOf(Kind);

    public bool IsOpen => ResolvedOn is null;

    /// <summary>True when resolved after the due date.</summary>
    public bool ResolvedLate => ResolvedOn is { } on && on > Due;

    /// <summary>pending / yellow / red / met at <paramref name="now"/>. Source: municipal 电子监察 rules (via <see cref="AlertRules.StatusAt"/>).</summary>
    public DeadlineStatus StatusAt(IWorkingCalendar calendar, DateTimeOffset now) =>
        ResolvedLate ? DeadlineStatus.Red : AlertRules.StatusAt(calendar, Due, now, met: ResolvedOn is not null);

    public static string CodeOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.CorrectionNotice => "correction-notice",
        DeadlineKind.Decision => "decision",
        DeadlineKind.PublicityEnd => "publicity-end",
        DeadlineKind.Delivery => "delivery",
        DeadlineKind.ResultPublication => "result-publication",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static DeadlineKind? Parse(string code) => code switch
    {
        "correction-notice" => DeadlineKind.CorrectionNotice,
        "decision" => DeadlineKind.Decision,
        "publicity-end" => DeadlineKind.PublicityEnd,
        "delivery" => DeadlineKind.Delivery,
        "result-publication" => DeadlineKind.ResultPublication,
        _ => null,
    };
}
