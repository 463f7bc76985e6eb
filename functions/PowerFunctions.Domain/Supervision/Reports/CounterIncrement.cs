namespace PowerFunctions.Domain.Supervision.Reports;

/// <summary>
/// One counter moved by one event: the department and day (China date) whose row moves, the counter and by how much.
/// <see cref="EventKey"/> names the event (<c>case:{caseNo}:{seq}</c>, <c>ticket:{ticketNo}:{seq}</c>,
/// <c>evaluation:{caseNo}</c>, <c>alert:{alertId}</c>, <c>rectification:{id}:{seq}</c>), so the app applies each
/// event's increments once however often the event is delivered (a create-only marker row beside the day row, in the
/// same transaction).
/// </summary>
public sealed record CounterIncrement(string EventKey, string Department, DateOnly Day, Counter Counter, long Delta = 1);
