using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Audit;

/// <summary>Registers the chain anchors (<see cref="AnchorService"/>, its store and the chains it covers). Needs the case, complaint and penalty stores.</summary>
public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AnchorStore>();
        services.AddSingleton<AuditedChains>();
        services.AddSingleton<AnchorService>();
        services.AddSingleton<IStartupTask, AnchorStartupTask>();
        return services;
    }
}
