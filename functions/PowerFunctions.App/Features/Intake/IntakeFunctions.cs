using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Intake;

/// <summary>
/// <c>ApplicationIntake</c> (Service Bus queue <c>applications</c>, binding <c>message</c>): an application
/// body as for <c>POST /api/applications</c> plus <c>idempotencyKey</c>. Declared here so the function,
/// its function.json and its queue exist now; the handler lands with the cases work and replaces this
/// module. Until then every delivery fails clearly (501 to the Functions host; retried, then poisoned).
/// </summary>
public sealed class IntakeFunctions : IFunctionModule
{
    public const string QueueName = "applications";

    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.ServiceBusQueue("ApplicationIntake", QueueName, (call, _) =>
            throw new NotSupportedException($"ApplicationIntake is not implemented yet: message {call.MessageId} stays on the queue to be retried, then dead-lettered"));
    }
}
