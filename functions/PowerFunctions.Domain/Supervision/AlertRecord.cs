namespace PowerFunctions.Domain.Supervision;

/// <summary>
/// One supervision alert: the <see cref="DeadlineKind"/> deadline of case <see cref="CaseNo"/>
/// (department <see cref="Department"/>, item <see cref="ItemCode"/>) reached <see cref="Level"/>;
/// <see cref="Due"/> is the deadline's last day (China date). There is at most one record per
/// (case, deadline kind, level): see <see cref="AlertRecordRules.Identity"/>.
/// </summary>
public sealed record AlertRecord(
    string CaseNo,
    string Department,
    string ItemCode,
    string DeadlineKind,
    AlertLevel Level,
    DateOnly Due,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? SupersededAt = null);
