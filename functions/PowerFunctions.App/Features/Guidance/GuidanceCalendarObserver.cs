using PowerFunctions.App.Features.Calendar;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>When a year's official schedule is loaded or replaced, the follow-up clocks still open are re-dated and their signals rescheduled.</summary>
public sealed class GuidanceCalendarObserver(GuidanceService guidance) : ICalendarObserver
{
    public Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken) =>
        guidance.RedateAsync(calendar, cancellationToken);
}
