using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Calendar;

/// <summary>A year's schedule loaded over <c>PUT /api/calendar/{year}</c>: by whom and when.</summary>
public sealed record StoredYear(YearSchedule Schedule, string SavedBy, DateTimeOffset SavedAt);
