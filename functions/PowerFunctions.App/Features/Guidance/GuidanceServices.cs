using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Guidance;

/// <summary>
/// Registers the guidance register (行政指导): its table, store, service, the follow-up alert timers and
/// the calendar observer. Nothing outside this folder may depend on the register's domain types — a
/// target's refusal brings no adverse measure (seed 003); <c>GuidanceIsolationTests</c> holds that over
/// the compiled app.
/// </summary>
public static class GuidanceServices
{
    public static IServiceCollection AddGuidance(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, GuidanceTable>();
        services.AddSingleton<GuidanceStore>();
        services.AddSingleton<GuidanceService>();
        services.AddSingleton<ITimerHandler, GuidanceAlertTimerHandler>();
        services.AddSingleton<ICalendarObserver, GuidanceCalendarObserver>();
        return services;
    }
}
