using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Documents;

/// <summary>Registers the documents feature's services: issuer, verifier, store, seals and font (the module is listed in AddFeatures).</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions());
        services.AddSingleton(sp => DocumentIds.Read(sp.GetRequiredService<DocumentOptions>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<DocumentFont>();
        services.AddSingleton<BlobSeal>();
        services.AddSingleton<DocumentStore>();
        services.AddSealing();
        services.AddSingleton<DocumentIssuer>();
        services.AddSingleton<IDocumentIssuer>(sp => sp.GetRequiredService<DocumentIssuer>());
        services.AddSingleton<DocumentVerifier>();
        services.AddSingleton<DocumentAccess>();
        services.AddSingleton<IStartupTask, DocumentStartupTask>();
        return services;
    }

    /// <summary>
    /// The seal keys: <c>Seal:*</c> checked when first resolved (at start, by <see cref="DocumentStartupTask"/>);
    /// with <c>Seal:KeyVaultUri</c> a <see cref="SecretClient"/> on the app's identity (<see cref="DefaultAzureCredential"/>:
    /// the managed identity in Azure, the developer's login locally). Tests replace the client with a fake.
    /// </summary>
    private static IServiceCollection AddSealing(this IServiceCollection services)
    {
        services.AddSingleton(sp => SealSettings.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.TryAddSingleton(sp => new SecretClient(
            sp.GetRequiredService<SealSettings>().KeyVaultUri ?? throw new InvalidOperationException("Seal:KeyVaultUri is not set"),
            new DefaultAzureCredential()));
        services.AddSingleton<ISealKeyStore>(sp =>
        {
            var settings = sp.GetRequiredService<SealSettings>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var keyVault = settings.KeyVaultUri is null
                ? null
                : new KeyVaultSealKeys(sp.GetRequiredService<SecretClient>(), settings.KeyVaultRefreshInterval, clock, sp.GetRequiredService<ILogger<KeyVaultSealKeys>>());
            return new SealKeyStore(settings, keyVault, sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<IStorageAccount>(), clock);
        });
        return services;
    }
}
