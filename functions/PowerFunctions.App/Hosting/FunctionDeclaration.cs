using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// One function, declared once: its name, its trigger and its handler. From the declarations come
/// the standalone routes, the custom-handler endpoints <c>POST /{Name}</c>, the emitted
/// <c>function.json</c> files and the standalone timer and queue runners.
/// </summary>
public abstract record FunctionDeclaration(string Name);

/// <summary>Handles an HTTP call, whichever host delivered it.</summary>
public delegate Task<HttpResult> HttpHandler(HttpCall call, CancellationToken cancellationToken);

/// <summary>Handles a timer tick.</summary>
public delegate Task TimerHandler(TimerCall call, CancellationToken cancellationToken);

/// <summary>Handles one queue or Service Bus message; throwing fails the delivery (retried, then poisoned).</summary>
public delegate Task QueueHandler(QueueCall call, CancellationToken cancellationToken);

/// <summary>
/// An HTTP-triggered function. <see cref="Route"/> is an ASP.NET route template without the
/// <c>api/</c> prefix (the Functions default route prefix), e.g. <c>cases/{caseNo}/progress</c>.
/// </summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, Access Access, HttpHandler Handler)
    : FunctionDeclaration(Name);

/// <summary>A timer-triggered function on an NCRONTAB schedule with seconds (e.g. <c>0 */1 * * * *</c>).</summary>
public sealed record TimerFunction(string Name, string Schedule, TimerHandler Handler)
    : FunctionDeclaration(Name);

/// <summary>A queue- or Service Bus-triggered function; its message arrives in the binding named <see cref="QueueBinding.BindingName"/>.</summary>
public sealed record QueueFunction(string Name, QueueBinding Binding, QueueHandler Handler)
    : FunctionDeclaration(Name);

/// <summary>Where a queue function's messages come from.</summary>
/// <param name="Kind">Storage queue or Service Bus queue (under the Functions host; standalone always reads the storage queue).</param>
/// <param name="QueueName">The queue's name (lower-case, dashes).</param>
/// <param name="Connection">The app-setting prefix of the connection (e.g. <c>ServiceBus</c> → <c>ServiceBus__fullyQualifiedNamespace</c>).</param>
/// <param name="BindingName">The trigger binding's name in function.json; <c>message</c>.</param>
public sealed record QueueBinding(QueueKind Kind, string QueueName, string Connection, string BindingName = "message");

/// <summary>Which broker a queue function listens to under the Functions host.</summary>
public enum QueueKind
{
    StorageQueue,
    ServiceBus,
}

/// <summary>A timer tick: when it was due and whether it is late.</summary>
public sealed record TimerCall(DateTimeOffset ScheduledAt, bool IsPastDue, string CorrelationId);

/// <summary>One delivery of a message.</summary>
public sealed record QueueCall(string MessageText, string MessageId, long DequeueCount, IReadOnlyDictionary<string, string> Metadata, string CorrelationId);
