using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// How supervision alerts are recorded (电子监察 预警 records). The level itself (yellow one working
/// day before a limit, red past it) is computed by the deadline rules; these rules say what is KEPT:
/// <list type="bullet">
/// <item>one record per (case, deadline kind, level), however often a sweep sees the deadline;</item>
/// <item>red supersedes yellow: once a deadline is red its yellow record is kept as history but no longer
/// listed as open (a supervisor acts on the red one);</item>
/// <item>a red record stays red: meeting the deadline late resolves it (the case is no longer waiting)
/// but the record is never deleted, because overrunning a limit is a violation even once the work is done;</item>
/// <item>resolving is idempotent and keeps the first resolution time.</item>
/// </list>
/// Source: municipal 电子监察 rules (public): "Yellow signal one working day before a limit expires;
/// red when it has expired; a stage overrunning its own limit is a violation even if the case is not late."
/// </summary>
public static class AlertRecordRules
{
    /// <summary>The source every rule here cites.</summary>
    public const string Source = "municipal 电子监察 rules (public)";

    /// <summary>The identity of a record: one per (case, deadline kind, level). Source: municipal 电子监察 rules (public).</summary>
    public static string Identity(string caseNo, string deadlineKind, AlertLevel level) =>
        $"{caseNo}|{deadlineKind}|{Name(level)}";

    /// <summary>True when a record at <paramref name="newer"/> makes an open record at <paramref name="older"/> of the same deadline superseded: red over yellow only. Source: municipal 电子监察 rules (public).</summary>
    public static bool Supersedes(AlertLevel newer, AlertLevel older) => newer == AlertLevel.Red && older == AlertLevel.Yellow;

    /// <summary>Open, superseded or resolved; resolution wins over supersession. Source: municipal 电子监察 rules (public).</summary>
    public static AlertStatus StatusOf(AlertRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ResolvedAt is not null)
        {
            return AlertStatus.Resolved;
        }

        return record.SupersededAt is not null ? AlertStatus.Superseded : AlertStatus.Open;
    }

    /// <summary>The record once its deadline is met at <paramref name="at"/>; a resolved record keeps its first time. Source: municipal 电子监察 rules (public).</summary>
    public static AlertRecord Resolve(AlertRecord record, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ResolvedAt is null ? record with { ResolvedAt = at } : record;
    }

    /// <summary>
    /// The record once a record at <paramref name="by"/> for the same deadline is raised at <paramref name="at"/>:
    /// superseded when <see cref="Supersedes"/> says so, unchanged otherwise (also when already superseded or resolved).
    /// Source: municipal 电子监察 rules (public).
    /// </summary>
    public static AlertRecord SupersedeBy(AlertRecord record, AlertLevel by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Supersedes(by, record.Level) && StatusOf(record) == AlertStatus.Open ? record with { SupersededAt = at } : record;
    }

    /// <summary>
    /// A new record raised while records of the same deadline already exist (<paramref name="existingLevels"/>):
    /// a yellow raised after the red (a late sweep) is recorded as already superseded.
    /// Source: municipal 电子监察 rules (public).
    /// </summary>
    public static AlertRecord Raise(AlertRecord record, IEnumerable<AlertLevel> existingLevels)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(existingLevels);
        return existingLevels.Any(l => Supersedes(l, record.Level)) && record.SupersededAt is null
            ? record with { SupersededAt = record.RaisedAt }
            : record;
    }

    /// <summary>True when a listing asking for records in <paramref name="wanted"/> status (null: every record) shows the record.</summary>
    public static bool IsListed(AlertRecord record, AlertStatus? wanted) => wanted is null || StatusOf(record) == wanted;

    /// <summary>
    /// The alert a deadline status calls for (computed by <see cref="AlertRules.StatusAt"/>): yellow and red
    /// raise their level, pending and met raise none. Source: municipal 电子监察 rules (public).
    /// </summary>
    public static AlertLevel? LevelFor(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Yellow => AlertLevel.Yellow,
        DeadlineStatus.Red => AlertLevel.Red,
        _ => null,
    };

    /// <summary>The level's name in the API: <c>yellow</c> or <c>red</c>.</summary>
    public static string Name(AlertLevel level) => level switch
    {
        AlertLevel.Yellow => "yellow",
        AlertLevel.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown alert level"),
    };

    /// <summary>Parses <c>yellow</c> or <c>red</c> (exactly, lower case); false otherwise.</summary>
    public static bool TryParseLevel(string? text, out AlertLevel level)
    {
        switch (text)
        {
            case "yellow":
                level = AlertLevel.Yellow;
                return true;
            case "red":
                level = AlertLevel.Red;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
