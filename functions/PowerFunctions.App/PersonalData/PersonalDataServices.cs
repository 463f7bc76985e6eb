using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.PersonalData;

/// <summary>Registers the encryption of personal data at rest (keys checked now), the re-encryption that ends a key rotation, and the audit of who reads it.</summary>
public static class PersonalDataServices
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration, bool isProduction)
    {
        PersonalDataOptions options;
        try
        {
            options = configuration.GetSection("PersonalData").Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"PersonalData: {e.Message}");
        }

        services.AddSingleton(PersonalDataKeyRing.Create(options, isProduction));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<PersonalDataKeyCheck>();
        services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<PersonalDataKeyCheck>());
        services.AddSingleton<PersonalDataRewrapper>();
        services.AddSingleton<PersonalDataAudit>();
        services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<PersonalDataAudit>());
        return services;
    }
}
