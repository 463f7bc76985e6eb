using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>
/// A rectification notice as the API shows it (and as its snapshot row keeps it): what was ordered, of whom, by when,
/// where it stands (<c>issued</c>, <c>reported</c>, <c>sent-back</c>, <c>accepted</c>), whether the department is late
/// now (<see cref="Overdue"/>), the missed deadlines and the accountability flag (from the second), the reports and
/// send-backs, the sealed 整改通知书 (<see cref="DocumentId"/>); <see cref="Events"/> (the hash chain) on the single view.
/// </summary>
public sealed record RectificationView(
    string Id,
    string Department,
    string DepartmentName,
    string? CaseNo,
    string? TicketNo,
    string? AlertId,
    string? SpotCheckId,
    string Finding,
    string Requirement,
    int WorkingDays,
    DateOnly IssuedOn,
    DateOnly Due,
    bool DueProvisional,
    int Round,
    string Status,
    bool Overdue,
    int OverdueCount,
    bool AccountabilityFlagged,
    DateOnly? AcceptedOn,
    string? DocumentId,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    long Version,
    IReadOnlyList<RectificationEventData.Reported> Reports,
    IReadOnlyList<RectificationEventData.SentBack> SendBacks,
    IReadOnlyList<RectificationEventData.Overdue> Overdues,
    IReadOnlyList<RectificationEventView>? Events = null)
{
    public static RectificationView Of(Rectification r, DateTimeOffset now, bool withEvents = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var first = r.Events[0];
        return new RectificationView(
            r.Id, r.Department, r.Issue.DepartmentName, r.Issue.CaseNo, r.Issue.TicketNo, r.Issue.AlertId, r.Issue.SpotCheckId,
            r.Issue.Finding, r.Issue.Requirement, r.Issue.WorkingDays, r.Issue.IssuedOn, r.Due, r.Issue.DueProvisional, r.Round,
            RectificationNames.Of(r.State), r.IsOverdue(now), r.OverdueCount, r.AccountabilityFlagged, r.AcceptedOn, r.Notice?.Id,
            first.ActorName, Domain.Common.ChinaTime.InChina(first.Instant), r.Version, r.Reports, r.SendBacks, r.Overdues,
            withEvents ? [.. r.Events.Select(RectificationEventView.Of)] : null);
    }

    /// <summary>This view at <paramref name="now"/>: <see cref="Overdue"/> is a question of the moment.</summary>
    public RectificationView At(DateTimeOffset now) =>
        this with { Overdue = Status is "issued" or "sent-back" && now >= RectificationRules.OverdueAt(Due) };

    /// <summary>True while the supervisor has not accepted it.</summary>
    public bool IsOpen => Status != "accepted";
}
