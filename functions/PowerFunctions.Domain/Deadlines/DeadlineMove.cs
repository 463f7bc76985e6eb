using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>A deadline re-dated by a calendar change: the due date it had and the one it has now.</summary>
public sealed record DeadlineMove(DateOnly OldDue, CalendarDate NewDue);
