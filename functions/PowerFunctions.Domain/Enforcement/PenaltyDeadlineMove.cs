namespace PowerFunctions.Domain.Enforcement;

/// <summary>An open deadline whose due date a new calendar changes: recorded as a <c>deadline-moved</c> event and rescheduled.</summary>
public sealed record PenaltyDeadlineMove(PenaltyDeadlineKind Kind, DateOnly OldDue, DateOnly NewDue);
