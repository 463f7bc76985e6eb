namespace PowerFunctions.App.Features.Messaging;

/// <summary>The Service Bus entities the app uses (API.md, "Queues"); the Bicep declares the same names.</summary>
public static class MessagingEntities
{
    /// <summary>Queue: tickets from the 12345 hotline, drained by a timer function.</summary>
    public const string HotlineTickets = "hotline-tickets";

    /// <summary>Topic: ticket status sent back to the hotline, through the outbox.</summary>
    public const string TicketStatus = "ticket-status";

    /// <summary>The hotline's subscription to <see cref="TicketStatus"/>.</summary>
    public const string HotlineSubscription = "hotline";
}
