using Microsoft.Extensions.DependencyInjection.Extensions;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Timers;

/// <summary>Registers the durable timer engine: index tables, scheduler, sweeper, the sweep function and the supervisors' due listing.</summary>
public static class TimerServices
{
    public static IServiceCollection AddDurableTimers(this IServiceCollection services)
    {
        services.TryAddSingleton(new TimerOptions());
        services.TryAddSingleton<ISweepFaults, NoSweepFaults>();
        services.AddSingleton<IStartupTask, TimerTables>();
        services.AddSingleton<ITimerScheduler, TableTimerScheduler>();
        services.AddSingleton<IDeadlineSweeper, DeadlineSweeper>();
        services.AddSingleton<DueTimers>();
        return services;
    }
}
