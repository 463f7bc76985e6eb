using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// One clock of a penalty case: when it started, when it is due (provisional when it relied on a year
/// whose schedule is not loaded), when it was resolved, and whether supervision is alerted on it (the
/// department's obligations are; the party's hearing window is not). Resolved after the due date stays red.
/// </summary>
public sealed record PenaltyDeadline(PenaltyDeadlineKind Kind, DateOnly StartedOn, DateOnly Due, bool Provisional, DateOnly? ResolvedOn)
{
    /// <summary>The API code of <see cref="Kind"/>.</summary>
    public string Code => CodeOf(Kind);

    public bool IsOpen => ResolvedOn is null;

    /// <summary>True when resolved after the due date.</summary>
    public bool ResolvedLate => ResolvedOn is { } on && on > Due;

    /// <summary>Supervision raises yellow and red alerts on every clock but the party's own hearing window.</summary>
    public bool RaisesAlerts => Kind != PenaltyDeadlineKind.HearingRequest;

    /// <summary>pending / yellow / red / met at <paramref name="now"/>, by the alert rules every clock uses. Source: municipal 电子监察 rules (<see cref="AlertRules.StatusAt"/>).</summary>
    public DeadlineStatus StatusAt(IWorkingCalendar calendar, DateTimeOffset now) =>
        ResolvedLate ? DeadlineStatus.Red : AlertRules.StatusAt(calendar, Due, now, met: ResolvedOn is not null);

    public static string CodeOf(PenaltyDeadlineKind kind) => kind switch
    {
        PenaltyDeadlineKind.Decision => "penalty-decision",
        PenaltyDeadlineKind.HearingRequest => "hearing-request",
        PenaltyDeadlineKind.Delivery => "penalty-delivery",
        PenaltyDeadlineKind.Publication => "penalty-publication",
        PenaltyDeadlineKind.Payment => "penalty-payment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PenaltyDeadlineKind? Parse(string? code) =>
        Enum.GetValues<PenaltyDeadlineKind>().Where(k => CodeOf(k) == code).Select(k => (PenaltyDeadlineKind?)k).FirstOrDefault();
}
