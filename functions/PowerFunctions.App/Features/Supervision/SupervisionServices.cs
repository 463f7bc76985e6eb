using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>Registers the alert store (as the lifecycle's <see cref="IAlertSink"/>) and the supervisors' routes.</summary>
public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddSingleton<IStartupTask, AlertTables>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<AlertStore>());
        return services;
    }
}
