namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The queue hotline tickets arrive on (<c>hotline-tickets</c>), received in peek-lock batches. Implemented
/// on the embedded/storage queue (<see cref="StorageQueueHotlineInbox"/>); the Service Bus queue of the same
/// name plugs in here through the messaging port.
/// </summary>
public interface IHotlineInbox
{
    /// <summary>Up to <paramref name="maxMessages"/> messages, each locked for this receiver.</summary>
    Task<IReadOnlyList<HotlineMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken);

    /// <summary>Done: the message is removed.</summary>
    Task CompleteAsync(HotlineMessage message, CancellationToken cancellationToken);

    /// <summary>Failed for a passing cause: released for redelivery.</summary>
    Task AbandonAsync(HotlineMessage message, CancellationToken cancellationToken);

    /// <summary>Can never be processed: moved aside with <paramref name="reason"/>.</summary>
    Task DeadLetterAsync(HotlineMessage message, string reason, CancellationToken cancellationToken);
}
