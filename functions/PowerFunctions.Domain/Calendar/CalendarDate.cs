namespace PowerFunctions.Domain.Calendar;

/// <summary>A computed date, and whether it relied on a year whose official schedule is not loaded yet.</summary>
public readonly record struct CalendarDate(DateOnly Date, bool Provisional);
