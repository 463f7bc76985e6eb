using Microsoft.Extensions.DependencyInjection.Extensions;
using PowerFunctions.App.Features.Messaging;

namespace PowerFunctions.App.Features.Outbox;

/// <summary>
/// Registers the transactional outbox (<see cref="OutboxWriter"/>, <see cref="OutboxPublisher"/>) and,
/// if not registered yet, the messaging port it publishes through (<see cref="MessagingServices.AddMessaging"/>).
/// Needs an <see cref="PowerFunctions.Storage.IStorageAccount"/> and a <see cref="TimeProvider"/>.
/// The host calls <see cref="OutboxPublisher.PublishPendingAsync"/> from a timer function.
/// </summary>
public static class OutboxServices
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddMessaging();
        services.TryAddSingleton(new OutboxOptions());
        services.TryAddSingleton<IOutboxFaults, NoOutboxFaults>();
        services.TryAddSingleton<OutboxIndexTable>();
        services.TryAddSingleton<OutboxWriter>();
        services.TryAddSingleton<OutboxPublisher>();
        return services;
    }
}
