using Microsoft.Extensions.DependencyInjection.Extensions;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Outbox;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Registers complaints and the hotline: the settings (<c>Complaints:*</c>, <c>Open311:ApiKeys</c>, checked now),
/// the tables, the store, the read side, the command and intake services, the timer handlers, the calendar
/// observer, the case view's tickets, and the outbox with the messaging port it publishes through. Needs from
/// other features: the catalog's <see cref="Catalog.CatalogStore"/>, <see cref="ICalendarProvider"/>,
/// <see cref="Documents.IDocumentIssuer"/>, <see cref="ITimerScheduler"/>, <see cref="Supervision.IAlertSink"/>,
/// <see cref="Evaluations.ICaseSummaries"/> and <see cref="CaseNumbers"/> (ticket numbers, <c>T-{date}-{n}</c>).
/// </summary>
public static class ComplaintServices
{
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ComplaintOptions.Read(configuration));
        services.TryAddSingleton(new HotlineIntakeOptions());
        services.AddOutbox();
        services.AddSingleton<IStartupTask, ComplaintTables>();
        services.AddSingleton<ComplaintStore>();
        services.AddSingleton<ComplaintProjection>();
        services.AddSingleton<ComplaintDirectory>();
        services.AddSingleton<TicketKeys>();
        services.AddSingleton<ComplaintService>();
        services.AddSingleton<ComplaintIntakeService>();
        services.AddSingleton<ITimerHandler, ComplaintAlertTimerHandler>();
        services.AddSingleton<ITimerHandler, ComplaintProjectionTimerHandler>();
        services.AddSingleton<ICalendarObserver, ComplaintCalendarObserver>();
        services.AddSingleton<ICaseTickets, ComplaintCaseTickets>();
        services.AddSingleton<Documents.IDocumentOwners, ComplaintDocumentOwners>();
        return services;
    }
}
