namespace PowerFunctions.Domain.Calendar;

/// <summary>
/// A period's end and the arithmetic behind it, so anyone can check it: every day in the period
/// that was not counted (working days) or that the last day was rolled over (calendar days), with the reason.
/// </summary>
public sealed record CalendarExplanation(DateOnly From, int Days, PeriodUnit Unit, CalendarDate Result, IReadOnlyList<SkippedDay> Skipped);
