using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Registers enforcement (行政处罚): the tables, the officer register, the penalty cases (store, service,
/// numbers), the read models, the timer handlers and the calendar observer. Needs from other features:
/// <see cref="Catalog.CatalogStore"/>, <see cref="ICalendarProvider"/>, <see cref="Documents.IDocumentIssuer"/>,
/// <see cref="ITimerScheduler"/>, <see cref="Supervision.IAlertSink"/>.
/// </summary>
public static class EnforcementServices
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, EnforcementTables>();
        services.AddSingleton<SerialNumbers>();
        services.AddSingleton<OfficerStore>();
        services.AddSingleton<PenaltyStore>();
        services.AddSingleton<DecisionRegister>();
        services.AddSingleton<PenaltyService>();
        services.AddSingleton<ITimerHandler, PenaltyAlertTimerHandler>();
        services.AddSingleton<ITimerHandler, PenaltyPublicationTimerHandler>();
        services.AddSingleton<ITimerHandler, PenaltyProjectionTimerHandler>();
        services.AddSingleton<ICalendarObserver, PenaltyCalendarObserver>();
        return services;
    }
}
