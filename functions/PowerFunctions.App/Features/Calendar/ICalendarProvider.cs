using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Calendar;

/// <summary>The working calendar in force: the built-in official schedules plus every year loaded over <c>PUT /api/calendar/{year}</c>.</summary>
public interface ICalendarProvider
{
    ValueTask<IWorkingCalendar> GetCurrentAsync(CancellationToken cancellationToken);
}

/// <summary>Told when a year's schedule is loaded or replaced, so open deadlines are recomputed (the lifecycle implements it).</summary>
public interface ICalendarObserver
{
    /// <summary>Recomputes what the change touches; answers how many deadlines moved.</summary>
    Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken);
}
