namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// Where an alert stands in 预警纠错 (API <c>status</c>): <c>open</c> (raised, the department has not answered),
/// <c>acknowledged</c> (the department said what it did), <c>closed</c> (see <see cref="AlertClosure"/>).
/// </summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Closed,
}
