namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The limits a ticket runs under, frozen into its <c>received</c> event: a later change of configuration
/// never changes a running ticket's clocks (as a case keeps the item terms it was applied under).
/// </summary>
public sealed record ComplaintTerms(int DispatchWorkingDays, int ExplanationCalendarDays, AnswerLimit Answer);
