using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>Registers the hotline tickets: their table, the ticket store and the queue they arrive on.</summary>
public static class ComplaintServices
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, ComplaintTablesStartup>();
        services.AddSingleton<Calendar.ICalendarObserver, ComplaintCalendarObserver>();
        services.AddSingleton<HotlineTickets>();
        services.AddSingleton<IHotlineInbox, StorageQueueHotlineInbox>();
        return services;
    }
}
