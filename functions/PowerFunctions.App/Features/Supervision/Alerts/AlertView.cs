using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// One alert as <c>GET /api/supervision/alerts</c> answers it: API.md's first fields kept as they were
/// (<c>caseNo, department, itemCode, deadlineKind, level, due</c>; <c>caseNo</c> names the subject, as before), then
/// <c>{id, kind, ticketNo?, raisedAt, status}</c> of "Supervision centre", then the lifecycle: the subject, the clock's
/// occurrence, why and when it closed, the department's account, the rectification it became, the red alert that
/// superseded it, when the watched clock was met (<c>resolvedAt</c>) and its history.
/// </summary>
public sealed record AlertView(
    string CaseNo,
    string Department,
    string ItemCode,
    string DeadlineKind,
    string Level,
    DateOnly Due,
    string Id,
    string Kind,
    string? TicketNo,
    DateTimeOffset RaisedAt,
    string Status,
    string SubjectType,
    string SubjectId,
    int Occurrence,
    string? Closure,
    DateTimeOffset? ClosedAt,
    string? Acknowledgement,
    string? RectificationId,
    string? SupersededBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AlertHistoryView> History)
{
    public static AlertView Of(StoredAlert stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var a = stored.ToAlert();
        return new AlertView(
            a.Subject.Id, a.Department, a.ItemCode ?? string.Empty, stored.DeadlineKind, AlertRecordRules.Name(a.Level), a.Due,
            a.Id, a.Kind.Code, a.Subject.Type == AlertSubjectType.Ticket ? a.Subject.Id : null, ChinaTime.InChina(a.RaisedAt), AlertNames.Of(a.State),
            a.Subject.TypeCode, a.Subject.Id, a.Key.Occurrence, a.Closure is { } c ? AlertNames.Of(c) : null, Local(a.ClosedAt),
            a.Acknowledgement, a.RectificationId, a.SupersededBy, Local(a.SubjectResolvedAt),
            [.. a.History.Select(h => new AlertHistoryView(h.Action, ChinaTime.InChina(h.At), h.Actor, h.ActorName, h.ActorKind, h.Department, h.Note))]);
    }

    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? ChinaTime.InChina(value) : null;
}
