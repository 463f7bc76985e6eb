using PowerFunctions.App.Features.Supervision.Accountability;
using PowerFunctions.App.Features.Supervision.CaseFiles;
using PowerFunctions.App.Features.Supervision.Alerts;
using PowerFunctions.App.Features.Supervision.Counters;
using PowerFunctions.App.Features.Supervision.Rectifications;
using PowerFunctions.App.Features.Supervision.Reports;
using PowerFunctions.App.Features.Supervision.SpotChecks;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Registers the supervision centre: its tables, the department registry and directory, the alert store (also the
/// lifecycle's <see cref="IAlertSink"/>), the per-day counters (<see cref="ISupervisionCounters"/>), rectification
/// notices and their timers, the case files (行权案卷) and their quarterly archive.
/// </summary>
public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SupervisionOptions.Read(configuration));
        services.AddSingleton<IStartupTask, SupervisionTables>();
        services.AddSingleton<SupervisionRegistry>();
        services.AddSingleton<SupervisionDirectory>();
        services.AddSingleton<CounterStore>();
        services.AddSingleton<ISupervisionCounters>(sp => sp.GetRequiredService<CounterStore>());
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<AlertStore>());
        services.AddSingleton<RectificationStore>();
        services.AddSingleton<RectificationService>();
        services.AddSingleton<ITimerHandler, RectificationTimerHandler>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<AccountabilityStore>();
        services.AddSingleton<ClosedCaseIndex>();
        services.AddSingleton<SpotCheckStore>();
        services.AddSingleton<SpotCheckService>();
        services.AddSingleton<CaseFileService>();
        services.AddSingleton<CaseFileArchiveService>();
        return services;
    }
}
