namespace PowerFunctions.Domain.Complaints;

/// <summary>An open clock whose due date a new official schedule for <paramref name="Year"/> moved.</summary>
public sealed record ComplaintDeadlineMove(ComplaintDeadlineKind Kind, int Round, DateOnly OldDue, DateOnly NewDue, int Year);
