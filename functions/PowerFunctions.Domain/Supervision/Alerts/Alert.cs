using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// One supervision alert and its 预警纠错 lifecycle. Immutable: every command answers the next alert (or an error,
/// changing nothing), with one more <see cref="History"/> entry; nothing is ever removed from the history.
/// <list type="table">
/// <item><term>open</term><description><c>acknowledge {note}</c> (staff of the alert's department: what it did), <c>escalate</c> (supervisor)</description></item>
/// <item><term>acknowledged</term><description><c>close {note?}</c>, <c>escalate</c> (supervisor)</description></item>
/// <item><term>closed</term><description>nothing; <see cref="Closure"/> says why</description></item>
/// </list>
/// The system also closes a yellow alert when its clock is met in time (<see cref="Resolve"/>) or the red alert
/// of the same clock is raised (<see cref="SupersedeBy"/>). A red alert is a recorded violation: meeting the clock
/// late records that in its history but leaves it for the department to answer and the supervisor to close.
/// Sources: seed 003 (预警纠错); municipal 电子监察 rules (public): "yellow one working day before a limit
/// expires; red when it has expired; a stage overrunning its own limit is a violation even if the case is not late".
/// </summary>
public sealed record Alert
{
    /// <summary>The sources of the lifecycle.</summary>
    public const string Source = "seed 003 (预警纠错); municipal 电子监察 rules (public)";

    public required AlertKey Key { get; init; }

    /// <summary>The deterministic id (<see cref="AlertKey.Id"/>).</summary>
    public string Id => Key.Id;

    public AlertKind Kind => Key.Kind;

    public AlertLevel Level => Key.Level;

    public AlertSubject Subject => Key.Subject;

    /// <summary>The department answerable for it.</summary>
    public required string Department { get; init; }

    /// <summary>The catalog item concerned, when there is one (case and item alerts).</summary>
    public string? ItemCode { get; init; }

    /// <summary>The last day of the watched clock (China date).</summary>
    public required DateOnly Due { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public AlertState State { get; init; } = AlertState.Open;

    /// <summary>Why it closed; null while it is not closed.</summary>
    public AlertClosure? Closure { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The department's account of what it did.</summary>
    public string? Acknowledgement { get; init; }

    /// <summary>The rectification notice it was escalated into.</summary>
    public string? RectificationId { get; init; }

    /// <summary>The red alert that superseded this yellow one.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>When the watched clock was met (late, for a red alert); the alert may still be open.</summary>
    public DateTimeOffset? SubjectResolvedAt { get; init; }

    public IReadOnlyList<AlertHistoryEntry> History { get; init; } = [];

    /// <summary>The API names of the actions people may take in <paramref name="state"/>.</summary>
    public static IReadOnlyList<string> AllowedActionsIn(AlertState state) => state switch
    {
        AlertState.Open => ["acknowledge", "escalate"],
        AlertState.Acknowledged => ["close", "escalate"],
        _ => [],
    };

    /// <summary>
    /// Raises the alert <paramref name="key"/> for <paramref name="department"/>. <paramref name="sameClock"/> are the
    /// alerts already raised for the same clock (other levels): a yellow raised after the red (a late sweep) is
    /// recorded already closed as superseded. The store keeps one alert per <see cref="AlertKey.Id"/> (create-only),
    /// so each alert is raised once. Source: municipal 电子监察 rules (public).
    /// </summary>
    public static Result<Alert> Raise(AlertKey key, string department, string? itemCode, DateOnly due, DateTimeOffset raisedAt, IEnumerable<Alert> sameClock)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(sameClock);
        var errors = new Dictionary<string, string[]>();
        if (!SupervisionText.IsCode(department))
        {
            errors["department"] = ["部门编码格式无效"];
        }

        SupervisionText.OptionalCode(itemCode, "itemCode", "事项编码格式无效", errors);
        if (key.Occurrence < 1)
        {
            errors["occurrence"] = ["须为 1 或以上"];
        }

        if (errors.Count > 0)
        {
            return AlertErrors.Invalid(errors);
        }

        var alert = new Alert
        {
            Key = key,
            Department = department,
            ItemCode = itemCode,
            Due = due,
            RaisedAt = raisedAt,
            History = [AlertHistoryEntry.By("raised", SupervisionActor.System, raisedAt, null)],
        };
        var red = sameClock.FirstOrDefault(a => a.Key.ClockId == key.ClockId && AlertRecordRules.Supersedes(a.Level, key.Level));
        return red is null ? alert : alert.SupersedeBy(red.Key, raisedAt);
    }

    /// <summary>
    /// The department answers the alert with what it did (预警纠错). Only staff of the alert's department, only
    /// while it is open; the note is required. Source: seed 003 (预警纠错).
    /// </summary>
    public Result<Alert> Acknowledge(string? note, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.DepartmentStaff)
        {
            return AlertErrors.RoleNotAllowed(AlertAction.Acknowledge, actor);
        }

        if (!actor.IsStaffOf(Department))
        {
            return AlertErrors.NotDepartment(Department, actor.Department);
        }

        if (State != AlertState.Open)
        {
            return AlertErrors.InvalidTransition(State, AlertAction.Acknowledge);
        }

        var errors = new Dictionary<string, string[]>();
        var text = SupervisionText.Required(note, "note", "须说明已采取的纠正措施", errors);
        return errors.Count > 0
            ? AlertErrors.Invalid(errors)
            : this with { State = AlertState.Acknowledged, Acknowledgement = text, History = [.. History, AlertHistoryEntry.By("acknowledged", actor, now, text)] };
    }

    /// <summary>The supervisor closes an acknowledged alert, with an optional remark. Source: seed 003 (预警纠错).</summary>
    public Result<Alert> Close(string? note, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return AlertErrors.RoleNotAllowed(AlertAction.Close, actor);
        }

        if (State != AlertState.Acknowledged)
        {
            return AlertErrors.InvalidTransition(State, AlertAction.Close);
        }

        var errors = new Dictionary<string, string[]>();
        var text = SupervisionText.Optional(note, "note", errors);
        return errors.Count > 0 ? AlertErrors.Invalid(errors) : Closed(AlertClosure.Closed, now, AlertHistoryEntry.By("closed", actor, now, text));
    }

    /// <summary>
    /// The supervisor escalates the alert into the rectification notice <paramref name="rectificationId"/> (issued
    /// first), open or acknowledged: an unanswered alert is exactly when a written order is needed. Source: seed 003
    /// (预警纠错); seed 002, 004 (整改通知书).
    /// </summary>
    public Result<Alert> Escalate(string? rectificationId, SupervisionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != SupervisionActorKind.Supervisor)
        {
            return AlertErrors.RoleNotAllowed(AlertAction.Escalate, actor);
        }

        if (State == AlertState.Closed)
        {
            return AlertErrors.InvalidTransition(State, AlertAction.Escalate);
        }

        if (!SupervisionText.IsCode(rectificationId))
        {
            return AlertErrors.Invalid("rectificationId", "须指定整改通知书编号");
        }

        return Closed(AlertClosure.Escalated, now, AlertHistoryEntry.By("escalated", actor, now, rectificationId)) with { RectificationId = rectificationId };
    }

    /// <summary>
    /// The watched clock was met (or became moot) at <paramref name="at"/>: a yellow alert closes as resolved; a red
    /// alert records it and stays for the department and the supervisor (overrunning a limit is a violation even once
    /// the work is done). Idempotent: a closed or already resolved alert is answered unchanged.
    /// Source: municipal 电子监察 rules (public).
    /// </summary>
    public Alert Resolve(DateTimeOffset at)
    {
        if (State == AlertState.Closed || SubjectResolvedAt is not null)
        {
            return this;
        }

        var entry = AlertHistoryEntry.By("resolved", SupervisionActor.System, at, Level == AlertLevel.Red ? "时限已逾期后完成" : "时限内已完成");
        var resolved = this with { SubjectResolvedAt = at };
        return Level == AlertLevel.Yellow ? resolved.Closed(AlertClosure.Resolved, at, entry) : resolved with { History = [.. History, entry] };
    }

    /// <summary>
    /// The red alert <paramref name="red"/> of the same clock was raised at <paramref name="at"/>: this yellow alert
    /// closes as superseded (kept; supervisors act on the red one). Unchanged otherwise.
    /// Source: municipal 电子监察 rules (public).
    /// </summary>
    public Alert SupersedeBy(AlertKey red, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(red);
        if (State == AlertState.Closed || red.ClockId != Key.ClockId || !AlertRecordRules.Supersedes(red.Level, Level))
        {
            return this;
        }

        return Closed(AlertClosure.Superseded, at, AlertHistoryEntry.By("superseded", SupervisionActor.System, at, red.Id)) with { SupersededBy = red.Id };
    }

    private Alert Closed(AlertClosure closure, DateTimeOffset at, AlertHistoryEntry entry) =>
        this with { State = AlertState.Closed, Closure = closure, ClosedAt = at, History = [.. History, entry] };
}
