namespace PowerFunctions.App.Hosting;

/// <summary>Short-hands for declaring functions inside a module.</summary>
public static class Function
{
    public static HttpFunction Http(string name, string method, string route, Access access, HttpHandler handler) =>
        new(name, route, [method], access, handler);

    public static TimerFunction Timer(string name, string schedule, TimerHandler handler) => new(name, schedule, handler);

    public static QueueFunction ServiceBusQueue(string name, string queueName, QueueHandler handler) =>
        new(name, new QueueBinding(QueueKind.ServiceBus, queueName, "ServiceBus"), handler);

    public static QueueFunction StorageQueue(string name, string queueName, QueueHandler handler) =>
        new(name, new QueueBinding(QueueKind.StorageQueue, queueName, "AzureWebJobsStorage"), handler);
}
