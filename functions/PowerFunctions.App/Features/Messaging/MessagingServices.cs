using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Messaging;

/// <summary>
/// Registers the messaging port (<see cref="IMessagingAccount"/>, a singleton the container disposes) and <see cref="MessageDrain"/>
/// from <see cref="ServiceBusSettings"/>: Service Bus by connection string, or by namespace with
/// <see cref="DefaultAzureCredential"/> (the managed identity in Azure), or else the embedded adapter on
/// the registered <see cref="IStorageAccount"/>'s queues. Idempotent (TryAdd): a test may register its own first.
/// </summary>
public static class MessagingServices
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(new EmbeddedMessagingOptions());
        services.TryAddSingleton<MessageDrain>();
        services.TryAddSingleton<DeadLetterSeal>();
        services.TryAddSingleton<IMessagingAccount>(sp => Create(
            ServiceBusSettings.Read(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<IStorageAccount>(),
            sp.GetRequiredService<EmbeddedMessagingOptions>()));
        return services;
    }

    /// <summary>The account the settings name.</summary>
    public static IMessagingAccount Create(ServiceBusSettings settings, IStorageAccount storage, EmbeddedMessagingOptions embedded)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return ServiceBusMessagingAccount.FromConnectionString(settings.ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(settings.Namespace))
        {
            // Azure China signs in at its own authority; elsewhere the default (global) one.
            var options = new DefaultAzureCredentialOptions();
            if (settings.Namespace.EndsWith(".chinacloudapi.cn", StringComparison.OrdinalIgnoreCase))
            {
                options.AuthorityHost = AzureAuthorityHosts.AzureChina;
            }

            return ServiceBusMessagingAccount.FromNamespace(settings.Namespace, new DefaultAzureCredential(options));
        }

        return new EmbeddedMessagingAccount(storage, embedded);
    }
}
