using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// An alert as stored (JSON in its rows): the domain <see cref="Alert"/>'s facts by value (the key by its id), plus the
/// clock's code as the raiser named it (<see cref="DeadlineKind"/>, e.g. <c>complaint-answer-2</c>), kept for the list's
/// <c>deadlineKind</c>.
/// </summary>
public sealed record StoredAlert(
    string Id,
    string DeadlineKind,
    string Department,
    string? ItemCode,
    DateOnly Due,
    DateTimeOffset RaisedAt,
    AlertState State,
    AlertClosure? Closure,
    DateTimeOffset? ClosedAt,
    string? Acknowledgement,
    string? RectificationId,
    string? SupersededBy,
    DateTimeOffset? SubjectResolvedAt,
    IReadOnlyList<AlertHistoryEntry> History)
{
    public static StoredAlert From(Alert alert, string deadlineKind)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.Id, deadlineKind, alert.Department, alert.ItemCode, alert.Due, alert.RaisedAt, alert.State, alert.Closure, alert.ClosedAt,
            alert.Acknowledgement, alert.RectificationId, alert.SupersededBy, alert.SubjectResolvedAt, alert.History);
    }

    public Alert ToAlert()
    {
        var key = AlertKey.Parse(Id);
        if (!key.IsSuccess)
        {
            throw new InvalidOperationException($"stored alert id '{Id}' does not parse: {key.Error.Detail}");
        }

        return new Alert
        {
            Key = key.Value,
            Department = Department,
            ItemCode = ItemCode,
            Due = Due,
            RaisedAt = RaisedAt,
            State = State,
            Closure = Closure,
            ClosedAt = ClosedAt,
            Acknowledgement = Acknowledgement,
            RectificationId = RectificationId,
            SupersededBy = SupersededBy,
            SubjectResolvedAt = SubjectResolvedAt,
            History = History,
        };
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public AlertLevel Level => AlertKey.Parse(Id).Value.Level;
}
