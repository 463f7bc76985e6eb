using Azure.Messaging.ServiceBus;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Messaging;

/// <summary>
/// <c>ServiceBus:*</c> settings. <c>ServiceBus:ConnectionString</c> (a key) wins over
/// <c>ServiceBus:Namespace</c> (the fully qualified namespace, reached with the managed identity);
/// neither set: the embedded queue of the storage account carries the messages.
/// </summary>
public sealed class ServiceBusSettings
{
    public string? ConnectionString { get; set; }

    /// <summary>Fully qualified, e.g. <c>pf-prod.servicebus.chinacloudapi.cn</c> (Azure China) or <c>pf-prod.servicebus.windows.net</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>True when neither setting is given.</summary>
    public bool IsEmbedded => string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(Namespace);

    /// <summary>Reads and checks the settings; a malformed value stops the start with a message naming it.</summary>
    public static ServiceBusSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new ServiceBusSettings
        {
            ConnectionString = configuration["ServiceBus:ConnectionString"],
            Namespace = configuration["ServiceBus:Namespace"],
        };
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            try
            {
                var parsed = ServiceBusConnectionStringProperties.Parse(settings.ConnectionString);
                if (parsed.Endpoint is null)
                {
                    throw new FormatException("it has no Endpoint");
                }
            }
            catch (FormatException e)
            {
                throw new ConfigurationException($"ServiceBus:ConnectionString is not a Service Bus connection string (Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…): {e.Message}");
            }
        }
        else if (!string.IsNullOrWhiteSpace(settings.Namespace)
            && (Uri.CheckHostName(settings.Namespace) != UriHostNameType.Dns || !settings.Namespace.Contains('.', StringComparison.Ordinal)))
        {
            throw new ConfigurationException($"ServiceBus:Namespace='{settings.Namespace}' is not a fully qualified namespace such as pf-prod.servicebus.chinacloudapi.cn.");
        }

        return settings;
    }
}
