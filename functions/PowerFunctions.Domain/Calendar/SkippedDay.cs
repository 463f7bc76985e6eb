namespace PowerFunctions.Domain.Calendar;

/// <summary>A day a period did not count, and why: the holiday's name (e.g. 国庆节) or <see cref="CalendarReasons.Weekend"/>.</summary>
public sealed record SkippedDay(DateOnly Date, string Reason);
