using PowerFunctions.App.Features.Applications;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Publicity;
using PowerFunctions.App.Features.Results;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// Registers the case lifecycle: stores, the command service, applications (HTTP + queue), case
/// routes, publicity and results, the timer handlers and the calendar observer. Needs from other
/// features: <see cref="Catalog.ICatalogLookup"/>, <see cref="ICalendarProvider"/>,
/// <see cref="Documents.IDocumentIssuer"/>, <see cref="ITimerScheduler"/>, <see cref="Supervision.IAlertSink"/>.
/// </summary>
public static class CaseServices
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, CaseTables>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<OpenCaseIndex>();
        services.AddSingleton<WorkListStore>();
        services.AddSingleton<CaseNumbers>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<PublicityBoard>();
        services.AddSingleton<ResultRegistry>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<ApplicationService>();
        services.AddSingleton<ITimerHandler, DeemedAcceptanceTimerHandler>();
        services.AddSingleton<ITimerHandler, PublicityTimerHandler>();
        services.AddSingleton<ITimerHandler, ResultPublicationTimerHandler>();
        services.AddSingleton<ITimerHandler, DeadlineAlertTimerHandler>();
        services.AddSingleton<ITimerHandler, WorkListTimerHandler>();
        services.AddSingleton<ICalendarObserver, CaseCalendarObserver>();
        services.AddSingleton<Evaluations.ICaseSummaries, CaseSummaries>();
        return services;
    }
}
