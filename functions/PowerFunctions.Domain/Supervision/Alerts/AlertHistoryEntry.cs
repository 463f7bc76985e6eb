namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// One step of an alert's history, kept for good: <see cref="Action"/> (<c>raised</c>, <c>acknowledged</c>,
/// <c>closed</c>, <c>escalated</c>, <c>superseded</c>, <c>resolved</c>), when, who (subject, name, actor kind,
/// department) and the note (the department's account, the supervisor's remark, the rectification id, the
/// superseding alert).
/// </summary>
public sealed record AlertHistoryEntry(string Action, DateTimeOffset At, string Actor, string ActorName, string ActorKind, string? Department, string? Note)
{
    public static AlertHistoryEntry By(string action, SupervisionActor actor, DateTimeOffset at, string? note) =>
        new(action, at, actor.Subject, actor.Name, actor.KindCode, actor.Department, note);
}
