using Azure.Messaging.ServiceBus;

namespace PowerFunctions.Storage.Messaging;

/// <summary>What the Service Bus adapter needs to settle a received message: the SDK's message and who received it.</summary>
internal sealed record ServiceBusLock(ServiceBusMessageReceiver Receiver, ServiceBusReceivedMessage Message);
