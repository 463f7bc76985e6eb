using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Experts;

/// <summary>Registers the expert register: its table (created at start), the store and the service.</summary>
public static class ExpertServices
{
    public static IServiceCollection AddExperts(this IServiceCollection services)
    {
        services.AddSingleton<ExpertStore>();
        services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<ExpertStore>());
        services.AddSingleton<ExpertService>();
        return services;
    }
}
