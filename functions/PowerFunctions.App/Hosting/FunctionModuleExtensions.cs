namespace PowerFunctions.App.Hosting;

public static class FunctionModuleExtensions
{
    /// <summary>Registers a feature's function module (a singleton).</summary>
    public static IServiceCollection AddFunctionModule<TModule>(this IServiceCollection services)
        where TModule : class, IFunctionModule
    {
        services.AddSingleton<TModule>();
        services.AddSingleton<IFunctionModule>(sp => sp.GetRequiredService<TModule>());
        return services;
    }
}
