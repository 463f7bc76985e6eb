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
/// (dead-lettered after its maximum delivery count). A ticket holds the caller's name and phone: what the
/// dead-letter queue keeps is sealed (<see cref="DeadLetterSeal"/>: the body encrypted, the reason readable).
/// </summary>
public sealed class HotlineFunctions(IMessagingAccount messaging, MessageDrain drain, ComplaintIntakeService intake, HotlineIntakeOptions options, DeadLetterSeal seal)
{
    /// <summary>Every 10 seconds (NCRONTAB with seconds).</summary>
    public const string EveryTenSeconds = "*/10 * * * * *";

    [Function("HotlineIntake")]
    public Task DrainAsync([TimerTrigger(EveryTenSeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.DrainAsync(
            messaging.GetReceiver(MessagingEntities.HotlineTickets),
            intake.ReceiveHotlineAsync,
            options.Drain,
            new DeadLetterSealing(MessagingEntities.HotlineTickets, messaging.GetSender(MessagingEntities.HotlineTickets), seal),
            cancellationToken);
}
