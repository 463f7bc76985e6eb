using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// <c>HotlineIntake</c> (timer, every 10 s): drains the 12345 hotline's Service Bus queue <c>hotline-tickets</c>
/// (the embedded queue of the same name when no Service Bus is configured) through the messaging port with
/// <see cref="MessageDrain"/>. Each ticket is stored once per <c>hotlineTicketId</c> however often it is delivered
/// (<see cref="ComplaintIntakeService.ReceiveHotlineAsync"/>); a message that can never be a ticket is
/// dead-lettered with its reason; one that failed for a passing cause is abandoned and comes back at the next run
/// (the broker dead-letters it after its maximum delivery count).
/// </summary>
public sealed class HotlineFunctions(IMessagingAccount messaging, MessageDrain drain, ComplaintIntakeService intake, HotlineIntakeOptions options)
{
    /// <summary>Every 10 seconds (NCRONTAB with seconds).</summary>
    public const string EveryTenSeconds = "*/10 * * * * *";

    [Function("HotlineIntake")]
    public Task DrainAsync([TimerTrigger(EveryTenSeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.DrainAsync(messaging.GetReceiver(MessagingEntities.HotlineTickets), intake.ReceiveHotlineAsync, options.Drain, cancellationToken);
}
