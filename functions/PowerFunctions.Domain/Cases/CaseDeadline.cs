using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// One clock of a case: when it started, when it is due (and whether that date is provisional), and
/// when it was resolved (met, or moot because the case ended). Resolved on or before the due date is
/// met; resolved after it stays red: it was late. <see cref="Party"/> names the department of a joint
/// opinion (one clock each); <see cref="Stopped"/> is true while a suspension stops this clock.
/// </summary>
public sealed record CaseDeadline(DeadlineKind Kind, DateOnly StartedOn, DateOnly Due, bool Provisional, DateOnly? ResolvedOn, string? Party = null, bool Stopped = false)
{
    /// <summary>The API code of this clock, e.g. <c>correction-notice</c>, or <c>joint-opinion-D06</c> for a department's opinion.</summary>
    public string Code => Party is null ? CodeOf(Kind) : $"{CodeOf(Kind)}-{Party}";

    public bool IsOpen => ResolvedOn is null;

    /// <summary>True when resolved after the due date.</summary>
    public bool ResolvedLate => ResolvedOn is { } on && on > Due;

    /// <summary>pending / yellow / red / met at <paramref name="now"/>; never yellow while stopped. Source: municipal 电子监察 rules (via <see cref="AlertRules.StatusAt"/>).</summary>
    public DeadlineStatus StatusAt(IWorkingCalendar calendar, DateTimeOffset now) =>
        ResolvedLate ? DeadlineStatus.Red : AlertRules.StatusAt(calendar, Due, now, met: ResolvedOn is not null, clockStopped: Stopped);

    /// <summary>The API code of a kind (<c>joint-opinion</c> without its department).</summary>
    public static string CodeOf(DeadlineKind kind) => ApiCode<DeadlineKind>.Of(kind);

    /// <summary>The kind of an API code (<c>joint-opinion-D06</c> is <see cref="DeadlineKind.JointOpinion"/>), or null.</summary>
    public static DeadlineKind? Parse(string code)
    {
        var joint = CodeOf(DeadlineKind.JointOpinion) + "-";
        return code.StartsWith(joint, StringComparison.Ordinal) && code.Length > joint.Length ? DeadlineKind.JointOpinion : ApiCode<DeadlineKind>.Parse(code) is { } kind and not DeadlineKind.JointOpinion ? kind : null;
    }

    /// <summary>The department of a <c>joint-opinion-{department}</c> code, else null.</summary>
    public static string? PartyOf(string code)
    {
        var joint = CodeOf(DeadlineKind.JointOpinion) + "-";
        return code.StartsWith(joint, StringComparison.Ordinal) && code.Length > joint.Length ? code[joint.Length..] : null;
    }
}
