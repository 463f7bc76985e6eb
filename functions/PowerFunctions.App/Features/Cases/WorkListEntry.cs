namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// One case as a work list shows it to one department: the lead department sees the case's next open
/// deadline, a joint department (联合审批) its own <c>joint-opinion-{department}</c> clock while it runs.
/// <see cref="Version"/> is the case version the row was written from: a row is only ever replaced by a
/// newer one.
/// </summary>
public sealed record WorkListEntry(
    string CaseNo,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string State,
    string ReceivedAt,
    long Version,
    WorkListDeadline? Next);
